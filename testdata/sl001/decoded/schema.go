// The generated schema another file of the package decodes in init.
package decoded

const schemaYAML = `properties:
  field000: {type: string, description: a property of the generated schema}
  field001: {type: string, description: a property of the generated schema}
  field002: {type: string, description: a property of the generated schema}
  field003: {type: string, description: a property of the generated schema}
  field004: {type: string, description: a property of the generated schema}
  field005: {type: string, description: a property of the generated schema}
  field006: {type: string, description: a property of the generated schema}
  field007: {type: string, description: a property of the generated schema}
  field008: {type: string, description: a property of the generated schema}
  field009: {type: string, description: a property of the generated schema}
  field010: {type: string, description: a property of the generated schema}
  field011: {type: string, description: a property of the generated schema}
  field012: {type: string, description: a property of the generated schema}
  field013: {type: string, description: a property of the generated schema}
  field014: {type: string, description: a property of the generated schema}
  field015: {type: string, description: a property of the generated schema}
  field016: {type: string, description: a property of the generated schema}
  field017: {type: string, description: a property of the generated schema}
  field018: {type: string, description: a property of the generated schema}
  field019: {type: string, description: a property of the generated schema}
  field020: {type: string, description: a property of the generated schema}
  field021: {type: string, description: a property of the generated schema}
  field022: {type: string, description: a property of the generated schema}
  field023: {type: string, description: a property of the generated schema}
  field024: {type: string, description: a property of the generated schema}
  field025: {type: string, description: a property of the generated schema}
  field026: {type: string, description: a property of the generated schema}
  field027: {type: string, description: a property of the generated schema}
  field028: {type: string, description: a property of the generated schema}
  field029: {type: string, description: a property of the generated schema}
  field030: {type: string, description: a property of the generated schema}
  field031: {type: string, description: a property of the generated schema}
  field032: {type: string, description: a property of the generated schema}
  field033: {type: string, description: a property of the generated schema}
  field034: {type: string, description: a property of the generated schema}
  field035: {type: string, description: a property of the generated schema}
  field036: {type: string, description: a property of the generated schema}
  field037: {type: string, description: a property of the generated schema}
  field038: {type: string, description: a property of the generated schema}
  field039: {type: string, description: a property of the generated schema}
  field040: {type: string, description: a property of the generated schema}
  field041: {type: string, description: a property of the generated schema}
  field042: {type: string, description: a property of the generated schema}
  field043: {type: string, description: a property of the generated schema}
  field044: {type: string, description: a property of the generated schema}
  field045: {type: string, description: a property of the generated schema}
  field046: {type: string, description: a property of the generated schema}
  field047: {type: string, description: a property of the generated schema}
  field048: {type: string, description: a property of the generated schema}
  field049: {type: string, description: a property of the generated schema}
  field050: {type: string, description: a property of the generated schema}
  field051: {type: string, description: a property of the generated schema}
  field052: {type: string, description: a property of the generated schema}
  field053: {type: string, description: a property of the generated schema}
  field054: {type: string, description: a property of the generated schema}
  field055: {type: string, description: a property of the generated schema}
  field056: {type: string, description: a property of the generated schema}
  field057: {type: string, description: a property of the generated schema}
  field058: {type: string, description: a property of the generated schema}
  field059: {type: string, description: a property of the generated schema}
`

const aliasesJSON = `{"a": "b"}`
