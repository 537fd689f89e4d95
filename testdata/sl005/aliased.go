package service

import uzap "go.uber.org/zap"

func aliased() *uzap.Logger {
	l, _ := uzap.NewDevelopment() // want "SL005"
	return l
}
