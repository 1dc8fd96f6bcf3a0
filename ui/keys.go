package ui

import "charm.land/bubbles/v2/key"

// Each screen has its own key map, so the help line at the bottom only
// ever shows keys that do something where the user is.

func bind(keys []string, help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// quitKey is the same everywhere: q or ctrl+c quits, saving first.
func quitKey() key.Binding { return bind([]string{"q", "ctrl+c"}, "q", "quit") }

func helpKey() key.Binding { return bind([]string{"?"}, "?", "help") }

// welcomeKeys serves the welcome and damaged-file screens.
type welcomeKeys struct {
	Start, Fresh, Quit key.Binding
	fresh              bool
}

func newWelcomeKeys() welcomeKeys {
	return welcomeKeys{
		Start: bind([]string{"enter"}, "enter", "start"),
		Fresh: bind([]string{"m"}, "m", "move it aside and start afresh"),
		Quit:  quitKey(),
	}
}

func (k welcomeKeys) ShortHelp() []key.Binding {
	if k.fresh {
		return []key.Binding{k.Fresh, k.Quit}
	}
	return []key.Binding{k.Start, k.Quit}
}
func (k welcomeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// itemKeys serves the audit question screen.
type itemKeys struct {
	Yes, No, Unsure, NA, Accept, Note key.Binding
	Back, Skip, Overview, Results     key.Binding
	Up, Down, Help, Quit              key.Binding
	// answer and move only label the short help; the real keys are above.
	answer, move key.Binding
}

func newItemKeys() itemKeys {
	return itemKeys{
		Yes:      bind([]string{"y"}, "y", "yes"),
		No:       bind([]string{"n"}, "n", "no"),
		Unsure:   bind([]string{"u"}, "u", "unsure"),
		NA:       bind([]string{"x"}, "x", "not applicable"),
		Accept:   bind([]string{"a"}, "a", "accept risk"),
		Note:     bind([]string{"e"}, "e", "note"),
		Back:     bind([]string{"left", "b"}, "←", "back"),
		Skip:     bind([]string{"right", "s"}, "→", "skip"),
		Overview: bind([]string{"o", "tab"}, "o", "overview"),
		Results:  bind([]string{"r"}, "r", "results"),
		Up:       bind([]string{"up", "k", "pgup"}, "↑↓", "scroll"),
		Down:     bind([]string{"down", "j", "pgdown", "space"}, "↓", "scroll"),
		Help:     helpKey(),
		Quit:     quitKey(),
		answer:   bind([]string{"y"}, "y/n/u/x/a", "answer"),
		move:     bind([]string{"left"}, "←/→", "back/skip"),
	}
}

// ShortHelp fits the five answer keys into one entry so the line stays
// within 80 columns; ? shows every key.
func (k itemKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.answer, k.Note, k.move, k.Overview, k.Help, k.Quit}
}
func (k itemKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.No, k.Unsure, k.NA, k.Accept},
		{k.Note, k.Back, k.Skip, k.Up},
		{k.Overview, k.Results, k.Help, k.Quit},
	}
}

// listKeys serves the overview and the resume menu.
type listKeys struct {
	Up, Down, Open, Results, Profile, Back, Help, Quit key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:      bind([]string{"up", "k"}, "↑", "up"),
		Down:    bind([]string{"down", "j"}, "↓", "down"),
		Open:    bind([]string{"enter"}, "enter", "open"),
		Results: bind([]string{"r"}, "r", "results"),
		Profile: bind([]string{"c"}, "c", "change profile"),
		Back:    bind([]string{"esc"}, "esc", "back"),
		Help:    helpKey(),
		Quit:    quitKey(),
	}
}

func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Open, k.Results, k.Profile, k.Back, k.Quit}
}
func (k listKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// resultsKeys serves the score and action plan screen.
type resultsKeys struct {
	Up, Down, How, Overview, Back, Help, Quit key.Binding
}

func newResultsKeys() resultsKeys {
	return resultsKeys{
		Up:       bind([]string{"up", "k", "pgup"}, "↑", "scroll"),
		Down:     bind([]string{"down", "j", "pgdown", "space"}, "↓", "scroll"),
		How:      bind([]string{"h"}, "h", "how this is calculated"),
		Overview: bind([]string{"o", "tab"}, "o", "overview"),
		Back:     bind([]string{"esc", "left", "b"}, "esc", "back"),
		Help:     helpKey(),
		Quit:     quitKey(),
	}
}

func (k resultsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.How, k.Overview, k.Back, k.Quit}
}
func (k resultsKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// inputKeys serves the note and reason prompts.
type inputKeys struct{ Save, Cancel key.Binding }

func newInputKeys() inputKeys {
	return inputKeys{
		Save:   bind([]string{"enter"}, "enter", "save"),
		Cancel: bind([]string{"esc"}, "esc", "cancel"),
	}
}

func (k inputKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Save, k.Cancel} }
func (k inputKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
