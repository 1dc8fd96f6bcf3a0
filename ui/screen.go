package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// screen is one screen of the app: a small model with its own update,
// view, size and key map, in the manner of soft-serve's components. Only
// the root returns a tea.View; a screen's View is the body of the frame.
type screen interface {
	// Init is called when the screen is shown for the first time.
	Init() tea.Cmd
	Update(msg tea.Msg) (screen, tea.Cmd)
	// View is the body, within the size last given to SetSize. It does no
	// IO and changes nothing.
	View() string
	// SetSize gives the screen the body's width and height.
	SetSize(width, height int)
	// Keys is the screen's key map, for the help line and full help.
	Keys() help.KeyMap
	// Place says where the user is, for the header ("Question 4 of 31").
	Place() string
	// Typing reports whether keys are text being typed, so the root
	// leaves "?" and "q" to the screen.
	Typing() bool
}

// Navigation is by message, so a screen never holds its parent.

// pushMsg shows a screen on top of the current one; esc (popMsg) returns.
type pushMsg struct{ s screen }

// popMsg returns to the screen below, or quits when there is none.
type popMsg struct{}

// replaceMsg swaps the current screen for another.
type replaceMsg struct{ s screen }

// resetMsg clears the stack and shows one screen: where a flow ends (the
// profile is done, the audit is finished) the way back is not "back".
type resetMsg struct{ s screen }

// quitMsg asks the root to save and quit.
type quitMsg struct{}

// noticeMsg shows a one-off line in the status area.
type noticeMsg struct{ text string }

func push(s screen) tea.Cmd    { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg             { return popMsg{} }
func replace(s screen) tea.Cmd { return func() tea.Msg { return replaceMsg{s} } }
func reset(s screen) tea.Cmd   { return func() tea.Msg { return resetMsg{s} } }
func quit() tea.Msg            { return quitMsg{} }
func notice(text string) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text} }
}

// size is the part of a screen that remembers its size.
type size struct{ width, height int }

func (s *size) SetSize(w, h int) { s.width, s.height = w, h }
