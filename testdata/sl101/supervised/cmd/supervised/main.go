// A controller run by a process supervisor beside a C proxy: its image's run script
// gives it a share of the container's memory as GOMEMLIMIT (haproxy's ingress does so).
package main

func main() {}
