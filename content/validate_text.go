package content

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
)

// text rejects control and escape characters in every string of the pack.
// Pack text reaches terminals and reports: an ESC in a role name could
// retitle the window or clear the screen (OSC 0, CSI 2J), and bidirectional
// overrides make text read differently from how it is stored. Only newline
// and tab are allowed, because YAML block text keeps its line breaks.
func (v *validator) text() {
	walkStrings(reflect.ValueOf(v.p).Elem(), "$", func(path, s string) {
		if i := strings.IndexFunc(s, forbiddenRune); i >= 0 {
			r := []rune(s[i:])[0]
			v.add(path, "contains the control character U+%04X; remove it (escape and control characters could change the user's terminal)", r)
		}
	})
}

// forbiddenRune reports characters no pack text may hold.
func forbiddenRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case unicode.IsControl(r), r == 0xFFFD:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// walkStrings calls fn for every string in v, with its YAML path, so the
// check covers fields added later without anyone remembering to list them.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := fmt.Sprint(iter.Key().Interface())
			walkStrings(iter.Key(), path, fn)
			walkStrings(iter.Value(), path+keySeg(k), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _ := tag(f)
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			walkStrings(v.Field(i), path+keySeg(name), fn)
		}
	}
}
