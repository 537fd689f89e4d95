package config

import (
	"database/sql"
	"encoding/gob"
	"encoding/xml"
	stdioutil "io/ioutil"
	"net"

	toml "github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml"
	tomlv2 "github.com/pelletier/go-toml/v2"
	"github.com/spf13/viper"
	yamlv2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
	k8syaml "sigs.k8s.io/yaml"
)

var db, _ = sql.Open("postgres", "postgres://localhost/app") // want "SL001: sql.Open in a package-level var initializer creates a database connection pool"

func init() {
	raw, _ := stdioutil.ReadFile("settings.yaml") // want "SL001: ioutil.ReadFile"
	_ = yaml.Unmarshal(raw, &settings)             // want "SL001: yaml.Unmarshal"
	_ = yamlv2.UnmarshalStrict(raw, &settings)     // want "SL001: yaml.UnmarshalStrict"
	_ = k8syaml.Unmarshal(raw, &settings)          // want "SL001: yaml.Unmarshal"
	_, _ = toml.DecodeFile("settings.toml", &settings) // want "SL001: toml.DecodeFile"
	_ = tomlv2.Unmarshal(raw, &settings)           // want "SL001: toml.Unmarshal"
	tree, _ := gotoml.LoadFile("settings.toml")    // want "SL001: toml.LoadFile"
	_ = tree
	_ = xml.Unmarshal(raw, &settings)              // want "SL001: xml.Unmarshal"
	conn, _ := net.Dial("tcp", "localhost:9000")   // want "SL001: net.Dial in func init opens a network connection"
	_ = gob.NewDecoder(conn).Decode(&settings)     // want "SL001: NewDecoder\\(...\\).Decode"
	_ = yaml.NewDecoder(conn).Decode(&settings)    // want "SL001: NewDecoder"
	all, _ := stdioutil.ReadAll(conn)              // want "SL001: ioutil.ReadAll"
	_ = all
}

func init() {
	viper.SetConfigName("app")
	viper.AddConfigPath("/etc/app")
	if err := viper.ReadInConfig(); err != nil { // want "SL001: viper.ReadInConfig in func init loads configuration"
		panic(err)
	}
	_ = viper.Unmarshal(&settings) // want "SL001: viper.Unmarshal"
	v := viper.New()
	_ = v.ReadConfig(nil)           // want "SL001: \\(\\*viper.Viper\\).ReadConfig"
	_ = v.UnmarshalKey("listen", &settings.Listen) // want "SL001: \\(\\*viper.Viper\\).UnmarshalKey"
	_ = v.GetString("listen")
}
