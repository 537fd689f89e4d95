// Command orders is a small order service: a demo of what startup-lint reports.
package main

import "example.com/orders/cmd"

func main() {
	cmd.Execute()
}
