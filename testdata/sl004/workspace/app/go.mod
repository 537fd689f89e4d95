module example.com/ws/app

go 1.22

require example.com/ws/lib v0.0.0
