package config

import (
	"encoding/json"
	"os"
)

// go-swagger's enum tables: a JSON document written out in the source, a handful of names,
// decoded and copied one by one. Not input: its length is what the code spells, here far
// below min-literal-elements.
var actionsEnum []interface{}

func init() {
	var res []string
	if err := json.Unmarshal([]byte(`["get","create","update","delete","*"]`), &res); err != nil {
		panic(err)
	}
	for _, v := range res {
		actionsEnum = append(actionsEnum, v)
	}
}

// The same document given to a local first.
var statesEnum []interface{}

func init() {
	doc := `["ready","failed"]`
	var res []string
	_ = json.Unmarshal([]byte(doc), &res)
	for _, v := range res {
		statesEnum = append(statesEnum, v)
	}
}

// A long one is sized as a literal table is: 300 entries, at least min-literal-elements.
var zoneNames []interface{}

func init() {
	var res []string
	_ = json.Unmarshal([]byte(`["z000","z001","z002","z003","z004","z005","z006","z007","z008","z009","z010","z011","z012","z013","z014","z015","z016","z017","z018","z019","z020","z021","z022","z023","z024","z025","z026","z027","z028","z029","z030","z031","z032","z033","z034","z035","z036","z037","z038","z039","z040","z041","z042","z043","z044","z045","z046","z047","z048","z049","z050","z051","z052","z053","z054","z055","z056","z057","z058","z059","z060","z061","z062","z063","z064","z065","z066","z067","z068","z069","z070","z071","z072","z073","z074","z075","z076","z077","z078","z079","z080","z081","z082","z083","z084","z085","z086","z087","z088","z089","z090","z091","z092","z093","z094","z095","z096","z097","z098","z099","z100","z101","z102","z103","z104","z105","z106","z107","z108","z109","z110","z111","z112","z113","z114","z115","z116","z117","z118","z119","z120","z121","z122","z123","z124","z125","z126","z127","z128","z129","z130","z131","z132","z133","z134","z135","z136","z137","z138","z139","z140","z141","z142","z143","z144","z145","z146","z147","z148","z149","z150","z151","z152","z153","z154","z155","z156","z157","z158","z159","z160","z161","z162","z163","z164","z165","z166","z167","z168","z169","z170","z171","z172","z173","z174","z175","z176","z177","z178","z179","z180","z181","z182","z183","z184","z185","z186","z187","z188","z189","z190","z191","z192","z193","z194","z195","z196","z197","z198","z199","z200","z201","z202","z203","z204","z205","z206","z207","z208","z209","z210","z211","z212","z213","z214","z215","z216","z217","z218","z219","z220","z221","z222","z223","z224","z225","z226","z227","z228","z229","z230","z231","z232","z233","z234","z235","z236","z237","z238","z239","z240","z241","z242","z243","z244","z245","z246","z247","z248","z249","z250","z251","z252","z253","z254","z255","z256","z257","z258","z259","z260","z261","z262","z263","z264","z265","z266","z267","z268","z269","z270","z271","z272","z273","z274","z275","z276","z277","z278","z279","z280","z281","z282","z283","z284","z285","z286","z287","z288","z289","z290","z291","z292","z293","z294","z295","z296","z297","z298","z299"]`), &res)
	for _, v := range res {
		zoneNames = append(zoneNames, v) // want "SL001: append inside a loop in func init \\(zoneNames, 300 iterations\\)"
	}
}

// A document built from a literal and the environment is input.
var regionsFromEnv []interface{}

func init() {
	doc := `["a"`
	doc += os.Getenv("EXTRA_REGIONS")
	doc += `]`
	var res []string
	_ = json.Unmarshal([]byte(doc), &res) // want "SL001: json.Unmarshal in func init decodes data"
	for _, v := range res {
		regionsFromEnv = append(regionsFromEnv, v) // want "SL001: append inside a loop in func init \\(regionsFromEnv\\)"
	}
}

// Defaults written out, then what a file the environment names holds: input.
var hosts []string

func init() {
	var res []string
	_ = json.Unmarshal([]byte(`["localhost"]`), &res)
	if f, err := os.Open(os.Getenv("HOSTS_FILE")); err == nil { // want "SL001: os.Open in func init"
		_ = json.NewDecoder(f).Decode(&res)
	}
	for _, v := range res {
		hosts = append(hosts, v) // want "SL001: append inside a loop in func init \\(hosts\\)"
	}
}

// A document the program reads is input: as many entries as its file holds.
var regionsEnum []interface{}

func init() {
	data, _ := os.ReadFile("/etc/app/regions.json") // want "SL001: os.ReadFile in func init reads a file"
	var res []string
	_ = json.Unmarshal(data, &res)
	for _, v := range res {
		regionsEnum = append(regionsEnum, v) // want "SL001: append inside a loop in func init \\(regionsEnum\\)"
	}
}

// A local given a literal, then the environment's value: input again.
var zonesEnum []interface{}

func init() {
	doc := `["a"]`
	doc = os.Getenv("EXTRA_ZONES")
	var res []string
	_ = json.Unmarshal([]byte(doc), &res) // want "SL001: json.Unmarshal in func init decodes data"
	for _, v := range res {
		zonesEnum = append(zonesEnum, v) // want "SL001: append inside a loop in func init \\(zonesEnum\\)"
	}
}
