package main

import (
	_ "github.com/KimMachineGun/automemlimit"
)

func main() {}
