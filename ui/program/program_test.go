package program

import (
	"bytes"
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

type boom struct{}

func (boom) Init() tea.Cmd                       { return func() tea.Msg { return "go" } }
func (boom) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("kaboom") }
func (boom) View() tea.View                      { return tea.NewView("") }

// TestPanicBecomesError: a bug in a screen ends the program with a
// one-line error, never a stack trace on the user's terminal.
func TestPanicBecomesError(t *testing.T) {
	var out bytes.Buffer
	_, err := Run(boom{}, Options{Context: context.Background(), Input: strings.NewReader(""), Output: &out})
	if err == nil || !strings.Contains(err.Error(), "kaboom") {
		t.Fatalf("err = %v, want the panic as an error", err)
	}
	if strings.Contains(out.String(), "goroutine") {
		t.Errorf("a stack trace reached the terminal:\n%s", out.String())
	}
}
