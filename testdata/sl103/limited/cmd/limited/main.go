package main

import "github.com/KimMachineGun/automemlimit/memlimit"

func main() {
	memlimit.SetGoMemLimitWithOpts(memlimit.WithRatio(0.9))
}
