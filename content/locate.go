package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
)

// This file turns the YAML paths the validator writes into file positions.
// Paths use goccy's YAMLPath syntax ($.a.b[2].c, with 'quoted' keys), but
// they are resolved by a small walker of our own rather than
// yaml.PathString/FilterFile because FilterFile cannot step through anchors
// and tags and gives nothing at all for a missing field, where we want the
// mapping that should have held it.

// seg is one step of a YAML path: a mapping key or a sequence index.
type seg struct {
	key     string
	index   int
	isIndex bool
}

// keySeg renders a mapping key as a path step: bare when it is a plain
// word, single-quoted (goccy's escaping) otherwise, so ids such as "x.com"
// cannot be misread as two steps.
func keySeg(k string) string {
	plain := k != "" && strings.IndexFunc(k, func(r rune) bool {
		return r != '_' && r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) < 0
	if plain {
		return "." + k
	}
	return ".'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(k) + "'"
}

// parsePath splits a path written by keySeg and fmt "[%d]" into steps.
func parsePath(s string) ([]seg, bool) {
	if !strings.HasPrefix(s, "$") {
		return nil, false
	}
	var out []seg
	for i := 1; i < len(s); {
		switch s[i] {
		case '.':
			i++
			if i < len(s) && s[i] == '\'' {
				var b strings.Builder
				for i++; i < len(s) && s[i] != '\''; i++ {
					if s[i] == '\\' && i+1 < len(s) {
						i++
					}
					b.WriteByte(s[i])
				}
				if i >= len(s) {
					return nil, false
				}
				i++
				out = append(out, seg{key: b.String()})
				continue
			}
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			out = append(out, seg{key: s[i:j]})
			i = j
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, false
			}
			n, err := strconv.Atoi(s[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, false
			}
			out = append(out, seg{index: n, isIndex: true})
			i += j + 1
		default:
			return nil, false
		}
	}
	return out, true
}

// formatPath is the inverse of parsePath.
func formatPath(segs []seg) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range segs {
		if s.isIndex {
			fmt.Fprintf(&b, "[%d]", s.index)
		} else {
			b.WriteString(keySeg(s.key))
		}
	}
	return b.String()
}

// unwrap looks through anchors and tags to the node they label.
func unwrap(n ast.Node) ast.Node {
	for n != nil {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
	return nil
}

// entries returns a mapping's key/value pairs; goccy represents some
// single-pair mappings as a bare MappingValueNode.
func entries(n ast.Node) []*ast.MappingValueNode {
	switch v := unwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}
	}
	return nil
}

// keyText is the text of a mapping key, without quotes.
func keyText(k ast.Node) string {
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	switch v := unwrap(k).(type) {
	case nil:
		return ""
	case *ast.StringNode:
		return v.Value
	default:
		if tk := v.GetToken(); tk != nil {
			return tk.Value
		}
	}
	return ""
}

// resolve walks segs from root as far as they go and returns the position
// of the deepest node reached: the node itself when the whole path exists,
// otherwise the nearest ancestor (a missing field is reported at the
// mapping that lacks it).
func resolve(root ast.Node, segs []seg) (line, col int) {
	cur, key := root, ast.Node(nil)
	for _, s := range segs {
		child, k := step(cur, s)
		if child == nil && k == nil {
			break // the rest of the path is missing: report the deepest node found
		}
		cur, key = child, k
		if cur == nil {
			break
		}
	}
	// A key is a better place than its value when the value is empty or a
	// whole block (the "items:" line rather than its first entry).
	if key != nil {
		switch unwrap(cur).(type) {
		case nil, *ast.NullNode, *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
			return pos(key)
		}
	}
	if cur == nil {
		return 0, 0
	}
	return pos(cur)
}

// step moves one path step down from n. It returns the child and, for a
// key step, the key node; both are nil when the step does not exist.
func step(n ast.Node, s seg) (child, key ast.Node) {
	if s.isIndex {
		sq, ok := unwrap(n).(*ast.SequenceNode)
		if !ok || s.index >= len(sq.Values) {
			return nil, nil
		}
		return sq.Values[s.index], nil
	}
	for _, mv := range entries(n) {
		if keyText(mv.Key) == s.key {
			return mv.Value, mv.Key
		}
	}
	return nil, nil
}

// pos gives a node's line and column. A block mapping is placed at its
// first key rather than goccy's start token (the first ':'), which is where
// a reader looks for it.
func pos(n ast.Node) (line, col int) {
	switch v := n.(type) {
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return pos(v.Values[0])
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return pos(v.Key)
		}
	}
	if n == nil {
		return 0, 0
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

// walk calls visit for root and every node below it, with the node's path
// and, for a mapping value, the key/value pair holding it. Anchors and tags
// are looked through; aliases are not followed, so a file cannot make the
// walk loop or multiply. visit returns false to stop the walk.
func walk(root ast.Node, visit func(n ast.Node, segs []seg, mv *ast.MappingValueNode) bool) {
	var rec func(n ast.Node, segs []seg, mv *ast.MappingValueNode) bool
	rec = func(n ast.Node, segs []seg, mv *ast.MappingValueNode) bool {
		n = unwrap(n)
		if n == nil {
			return true
		}
		if !visit(n, segs, mv) {
			return false
		}
		switch v := n.(type) {
		case *ast.SequenceNode:
			for i, c := range v.Values {
				if !rec(c, append(segs[:len(segs):len(segs)], seg{index: i, isIndex: true}), nil) {
					return false
				}
			}
		case *ast.MappingNode, *ast.MappingValueNode:
			for _, e := range entries(v) {
				if !rec(e.Value, append(segs[:len(segs):len(segs)], seg{key: keyText(e.Key)}), e) {
					return false
				}
			}
		}
		return true
	}
	rec(root, nil, nil)
}

// pathAt finds the path of the node whose token sits at line:col, for
// decoder errors that carry a token but no path. It returns "" when no node
// starts there.
func pathAt(root ast.Node, line, col int) string {
	at := func(n ast.Node) bool {
		if n == nil {
			return false
		}
		tk := n.GetToken()
		return tk != nil && tk.Position != nil && tk.Position.Line == line && tk.Position.Column == col
	}
	found := ""
	walk(root, func(n ast.Node, segs []seg, mv *ast.MappingValueNode) bool {
		if at(n) || (mv != nil && (at(mv.Key) || at(mv))) {
			found = formatPath(segs)
			return false
		}
		return true
	})
	return found
}

// srcFile is one parsed pack file, kept so problems can be given positions.
type srcFile struct {
	name string
	root ast.Node // body of the file's document; nil for an empty file
}

// ref says where one element of a merged top-level list came from.
type ref struct{ file, index int }

// origin maps paths in a pack back to the file and node they came from. For
// a single file lists and fields are nil; for the merged embedded pack they
// record, per top-level key, which file supplied each element or value.
type origin struct {
	files  []srcFile
	lists  map[string][]ref
	fields map[string]int
}

// locate fills in File, Line and Col of problems whose Path refers to this
// origin's pack, rewriting merged list indexes to the file's own.
func (o *origin) locate(ps Problems) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		out[i] = p
		segs, ok := parsePath(p.Path)
		if !ok || len(o.files) == 0 {
			continue
		}
		f := 0
		if len(segs) > 0 && !segs[0].isIndex {
			if refs, ok := o.lists[segs[0].key]; ok && len(segs) > 1 && segs[1].isIndex && segs[1].index < len(refs) {
				r := refs[segs[1].index]
				f = r.file
				segs = append([]seg{segs[0], {index: r.index, isIndex: true}}, segs[2:]...)
			} else if fi, ok := o.fields[segs[0].key]; ok {
				f = fi
			}
		}
		out[i].File = o.files[f].name
		out[i].Path = formatPath(segs)
		out[i].Line, out[i].Col = safeResolve(o.files[f].root, segs)
	}
	return out
}

// safeResolve is resolve for use outside ParseFile's recover: the tree
// comes from a third-party parser fed with user files, and a surprise in
// its shape should cost a problem its line number, not crash the app.
func safeResolve(root ast.Node, segs []seg) (line, col int) {
	defer func() {
		if recover() != nil {
			line, col = 0, 0
		}
	}()
	return resolve(root, segs)
}
