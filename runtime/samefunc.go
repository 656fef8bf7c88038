package runtime

import "reflect"

func sameFunc(a, b func() *Module) bool {
	return reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
}
