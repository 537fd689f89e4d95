package httpapi

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
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

// Client builds the shared HTTP client on first use, reading the billing CA bundle then. Only
// the first call sees a failed read: Do never runs again, and every later call gets a client
// without the CA and a nil error.
func Client() (*http.Client, error) {
	var err error
	clientOnce.Do(func() { // want "SL002: .*only the first call sees the error"
		pool := x509.NewCertPool()
		pem, readErr := os.ReadFile("/etc/billing/ca.pem")
		if readErr != nil {
			err = readErr
		}
		pool.AppendCertsFromPEM(pem)
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.TLSClientConfig = &tls.Config{RootCAs: pool}
		client = &http.Client{Transport: transport}
	})
	return client, err
}

// decodeOrders runs per request, after startup: SL008 leaves it to the handler's owner.
func decodeOrders(r *http.Request) ([]Order, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	var orders []Order
	if err := json.Unmarshal(body, &orders); err != nil {
		return nil, err
	}
	return orders, nil
}

// openOrders fetches the orders still open, once, before the server listens.
func openOrders(url string) ([]Order, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var orders []Order
	if err := json.Unmarshal(body, &orders); err != nil { // want "SL008"
		return nil, err
	}
	return orders, nil
}

func Listen(addr string, logger *zap.Logger) error {
	// Meant to log the limit, as GOMAXPROCS(0) reads its setting: it sets the limit to zero.
	logger.Info("listening", zap.String("addr", addr), zap.Int("gomaxprocs", runtime.GOMAXPROCS(0)),
		zap.Int64("gomemlimit", debug.SetMemoryLimit(0))) // want "SL010: debug.SetMemoryLimit\\(0\\) sets the soft memory limit to 0 bytes"
	if _, err := openOrders("http://backlog/open"); err != nil {
		return err
	}
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		orders, err := decodeOrders(r)
		if err != nil {
			logger.Warn("bad order", zap.Error(err))
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if orders == nil {
			// Logged in production; with cmd's development logger, DPanic panics (SL005).
			logger.DPanic("decoded no orders from a valid body")
		}
		// The billing client is built by the first request (SL002 above).
		billing, err := Client()
		if err != nil {
			logger.Warn("billing CA", zap.Error(err))
		}
		if _, err := billing.Post("http://billing/orders", "application/json", nil); err != nil {
			logger.Warn("billing", zap.Error(err))
		}
	})
	return http.ListenAndServe(addr, nil)
}
