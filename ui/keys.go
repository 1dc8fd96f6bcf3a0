package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// Every key is a binding, so the help line only ever shows keys that do
// something where the user is, and a test can read them.

func bind(keys []string, help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// rootKeys work on every screen. Help and Quit are drawn at the end of
// every help line, so they never drop off a narrow window.
type rootKeys struct {
	Interrupt, Help, Quit, ShareSafe key.Binding
}

func newRootKeys() rootKeys {
	return rootKeys{
		Interrupt: bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:      bind([]string{"?"}, "?", "help"),
		Quit:      bind([]string{"q"}, "q", "quit"),
		ShareSafe: bind([]string{"!"}, "!", "screen-share safety"),
	}
}

// backKey is esc on every screen that has somewhere to go back to.
func backKey() key.Binding { return bind([]string{"esc"}, "esc", "back") }

// keyList is a plain list of bindings as a help.KeyMap, for screens with a
// few keys and no groups.
type keyList []key.Binding

func (k keyList) ShortHelp() []key.Binding  { return k }
func (k keyList) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

var _ help.KeyMap = keyList(nil)

// listKeys move through a list.
type listKeys struct {
	Up, Down, Open, Back key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:   bind([]string{"up", "k"}, "↑", "up"),
		Down: bind([]string{"down", "j"}, "↓", "down"),
		Open: bind([]string{"enter"}, "enter", "open"),
		Back: backKey(),
	}
}

// scrollKeys scroll a long page.
type scrollKeys struct {
	Up, Down key.Binding
}

func newScrollKeys() scrollKeys {
	return scrollKeys{
		Up:   bind([]string{"up", "k", "pgup"}, "↑↓", "scroll"),
		Down: bind([]string{"down", "j", "pgdown", "space"}, "↓", "scroll"),
	}
}
