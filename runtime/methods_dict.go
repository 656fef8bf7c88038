package runtime

func init() {
	registerMethods("dict", map[string]method{
		"keys":       dictView("keys", func(d *Dict) []Value { return d.Keys() }),
		"values":     dictView("values", func(d *Dict) []Value { return d.Values() }),
		"items":      dictView("items", dictItemTuples),
		"get":        dictGet,
		"pop":        dictPop,
		"popitem":    dictPopitem,
		"setdefault": dictSetdefault,
		"update":     dictUpdate,
		"copy":       dictCopy,
		"clear":      dictClear,
	})
}

func recvDict(v Value) *Dict { return v.obj.(*Dict) }

func dictItemTuples(d *Dict) []Value {
	items := d.Items()
	out := make([]Value, len(items))
	for i, kv := range items {
		out[i] = MakeTuple(kv[0], kv[1])
	}
	return out
}

// dictView returns keys(), values() or items() as a new list.
func dictView(name string, get func(*Dict) []Value) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := UnpackArgs(name, args, kwargs); err != nil {
			return Value{}, err
		}
		return NewList(get(recvDict(recv))), nil
	}
}

func dictGet(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var k, def Value
	if err := UnpackArgs("get", args, kwargs, "key", &k, "default?", &def); err != nil {
		return Value{}, err
	}
	v, ok, err := recvDict(recv).Get(k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return orNone(def), nil
	}
	return v, nil
}

func dictPop(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var k, def Value
	if err := UnpackArgs("pop", args, kwargs, "key", &k, "default?", &def); err != nil {
		return Value{}, err
	}
	d := recvDict(recv)
	v, ok, err := d.Get(k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		if def.IsValid() {
			return def, nil
		}
		return Value{}, Errorf("key %s not in dict", Repr(k))
	}
	_, err = d.Delete(k)
	return v, err
}

func dictPopitem(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("popitem", args, kwargs); err != nil {
		return Value{}, err
	}
	d := recvDict(recv)
	items := d.Items()
	if len(items) == 0 {
		return Value{}, Errorf("popitem(): dictionary is empty")
	}
	kv := items[len(items)-1]
	_, err := d.Delete(kv[0])
	return MakeTuple(kv[0], kv[1]), err
}

func dictSetdefault(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var k, def Value
	if err := UnpackArgs("setdefault", args, kwargs, "key", &k, "default?", &def); err != nil {
		return Value{}, err
	}
	d := recvDict(recv)
	v, ok, err := d.Get(k)
	if err != nil || ok {
		return v, err
	}
	def = orNone(def)
	return def, d.Set(k, def)
}

// dictUpdateFrom adds the entries of src (a dict or an iterable of pairs)
// and kwargs to d.
func dictUpdateFrom(d *Dict, src Value, kwargs []Kwarg) error {
	if src.IsValid() {
		if o, ok := src.obj.(*Dict); ok {
			for _, kv := range o.Items() {
				if err := d.Set(kv[0], kv[1]); err != nil {
					return err
				}
			}
		} else {
			elems, err := ToSlice(src)
			if err != nil {
				return err
			}
			for i, e := range elems {
				pair, err := ToSlice(e)
				if err != nil {
					return Errorf("cannot convert dictionary update sequence element #%d to a sequence", i)
				}
				if len(pair) != 2 {
					return Errorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
				}
				if err := d.Set(pair[0], pair[1]); err != nil {
					return err
				}
			}
		}
	}
	for _, kw := range kwargs {
		if err := d.Set(MakeStr(kw.Name), kw.Value); err != nil {
			return err
		}
	}
	return nil
}

func dictUpdate(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) > 1 {
		return Value{}, Errorf("update expected at most 1 argument, got %d", len(args))
	}
	var src Value
	if len(args) == 1 {
		src = args[0]
	}
	return None, dictUpdateFrom(recvDict(recv), src, kwargs)
}

func dictCopy(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("copy", args, kwargs); err != nil {
		return Value{}, err
	}
	return MakeObj(recvDict(recv).Copy()), nil
}

func dictClear(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("clear", args, kwargs); err != nil {
		return Value{}, err
	}
	recvDict(recv).Clear()
	return None, nil
}
