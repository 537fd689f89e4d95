package descriptors

import (
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

var small, large, fixed descriptorpb.FileDescriptorProto

func init() {
	_ = proto.Unmarshal(smallDescriptorBytes, &small) // 8 bytes: under min-embedded-bytes
}

func init() {
	_ = proto.Unmarshal(largeDescriptorBytes, &large) // want `SL001: proto.Unmarshal in func init decodes 4 KB of the bytes largeDescriptorBytes while`
}

func init() {
	_ = proto.Unmarshal(fixedDescriptorBytes[:], &fixed) // want `SL001: proto.Unmarshal in func init decodes data while`
}
