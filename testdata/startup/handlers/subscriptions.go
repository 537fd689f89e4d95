package main

import (
	"encoding/json"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/nats-io/nats.go"

	"example.com/pubsub"
)

// A subscription's callback runs per message, after startup: NATS, JetStream, MQTT, and a
// company's own pub/sub client (vendored or in another module: its Subscribe only stores
// the function, as dendrite's and devtron's do).
func subscribe(nc *nats.Conn, js nats.JetStreamContext, client mqtt.Client, bus *pubsub.Client) {
	nc.Subscribe("orders", func(m *nats.Msg) { onlyNats(m.Data) })
	nc.QueueSubscribe("orders", "workers", func(m *nats.Msg) { onlyNats(m.Data) })
	js.Subscribe("events", func(m *nats.Msg) { onlyNats(m.Data) })
	client.Subscribe("devices/+", 1, func(c mqtt.Client, m mqtt.Message) { onlyNats(m.Payload()) })
	client.AddRoute("devices/#", func(c mqtt.Client, m mqtt.Message) { onlyNats(m.Payload()) })
	bus.Subscribe("ci-complete", func(msg *pubsub.Message) { onlyNats(msg.Data) })
	warm(nil) // a function called directly still runs at startup
}

func onlyNats(data []byte) []string {
	var in []string
	_ = json.Unmarshal(data, &in)
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func warm(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
