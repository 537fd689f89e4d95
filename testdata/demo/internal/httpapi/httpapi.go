package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"sync"

	"go.uber.org/zap"
)

type Order struct {
	ID    string   `json:"id"`
	Items []string `json:"items"`
}

var (
	clientOnce sync.Once
	client     *http.Client
)

// Client builds the shared HTTP client on first use, under whatever load that is.
func Client() *http.Client {
	clientOnce.Do(func() { // want "SL002"
		client = &http.Client{}
	})
	return client
}

func decodeOrder(r *http.Request) (*Order, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	var order Order
	if err := json.Unmarshal(body, &order); err != nil { // want "SL008"
		return nil, err
	}
	return &order, nil
}

func Listen(addr string, logger *zap.Logger) error {
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		if _, err := decodeOrder(r); err != nil {
			logger.Warn("bad order", zap.Error(err))
			w.WriteHeader(http.StatusBadRequest)
		}
	})
	return http.ListenAndServe(addr, nil)
}
