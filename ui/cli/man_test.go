package cli_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// manText is the man page as a reader sees it, near enough: roff's font
// changes and escapes removed.
func manText(roff string) string {
	return strings.NewReplacer(`\fB`, "", `\fI`, "", `\fR`, "", `\-`, "-", `\e`, `\`, `\&`, "", `\(dq`, `"`).Replace(roff)
}

func renderMan(t *testing.T) string {
	t.Helper()
	s := newSandbox(t)
	s.env = append(s.env, "SOURCE_DATE_EPOCH=1795392000") // 2026-11-23
	o := s.must(s.run("", "man"), 0, "man")
	if o.stderr != "" {
		t.Errorf("man wrote to stderr:\n%s", o.stderr)
	}
	return o.stdout
}

func TestManHeader(t *testing.T) {
	page := renderMan(t)
	lines := strings.Split(page, "\n")
	if want := `.TH PRESSEND 1 "2026-11-23" "pressend test" "User Commands"`; lines[0] != want {
		t.Errorf("first line\n%s\nwant\n%s", lines[0], want)
	}
	if want := ".SH NAME\npressend \\- a private self-audit of your social media, for UK health professionals\n"; !strings.Contains(page, want) {
		t.Errorf("NAME section is not %q:\n%.600s", want, page)
	}
	for _, sec := range []string{"SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "ENVIRONMENT", "FILES", "EXIT STATUS", "SEE ALSO"} {
		if !strings.Contains(page, "\n.SH "+sec+"\n") {
			t.Errorf("no %s section", sec)
		}
	}
}

// Without a usable SOURCE_DATE_EPOCH the page has today's date, never
// year 1.
func TestManDateFallback(t *testing.T) {
	s := newSandbox(t)
	s.env = append(s.env, "SOURCE_DATE_EPOCH=-62135596800")
	o := s.must(s.run("", "man"), 0, "man")
	if strings.Contains(strings.SplitN(o.stdout, "\n", 2)[0], "0001-") {
		t.Errorf("man page dated year 1: %.80s", o.stdout)
	}
}

func TestManFlags(t *testing.T) {
	text := manText(renderMan(t))
	// Short and long together, with their value names.
	for _, want := range []string{
		"\n-y, --yes\n",
		"\n-o, --output FILE\n",
		"\n--audit NAME\n",
		"\n--data-dir DIR\n",
		"\n--format FORMAT\n",
		"\n--keep DAYS\n",
		"\n-h, --help\n",
		"\n-v, --version\n",
		"(default: me)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("man page lacks %q", strings.TrimSpace(want))
		}
	}
	if regexp.MustCompile(`(^|\s)--\w[\s,]`).MatchString(text) {
		t.Error("a short flag is written as a long one")
	}
}

func TestManSections(t *testing.T) {
	page := renderMan(t)
	section := func(name string) string {
		_, rest, ok := strings.Cut(page, "\n.SH "+name+"\n")
		if !ok {
			t.Fatalf("no %s section", name)
		}
		body, _, _ := strings.Cut(rest, "\n.SH ")
		return manText(body)
	}
	env := section("ENVIRONMENT")
	for _, v := range []string{"PRESSEND_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NO_COLOR", "ACCESSIBLE", "TERM", "PRESSEND_ADVISER"} {
		if !strings.Contains(env, "\n.B "+v+"\n") {
			t.Errorf("ENVIRONMENT lacks %s", v)
		}
	}
	files := section("FILES")
	for _, f := range []string{"~/.local/share/pressend/audits/NAME.json", "audits/NAME.lock", "teach-slide.json", "~/.config/pressend/packs/*.yaml"} {
		if !strings.Contains(files, f) {
			t.Errorf("FILES lacks %s", f)
		}
	}
	exit := section("EXIT STATUS")
	for _, c := range []string{"\n.B 0\n", "\n.B 1\n", "\n.B 2\n"} {
		if !strings.Contains(exit, c) {
			t.Errorf("EXIT STATUS lacks %q", strings.TrimSpace(c))
		}
	}
	commands := section("COMMANDS")
	for _, c := range []string{
		"report [OPTIONS]", "audits [OPTIONS]", "forget NAME | --due [OPTIONS]", "pack validate FILE", "pack show [OPTIONS]",
		"teach session", "teach present [OPTIONS]", "teach notes", "teach answer CODE [OPTIONS]", "teach pool [PATH...] [OPTIONS]",
		"teach handout [OPTIONS]", "teach deck [OPTIONS]", "completion bash|fish|powershell|zsh",
	} {
		if !strings.Contains(commands, `.SS "pressend `+c+`"`) {
			t.Errorf("COMMANDS lacks pressend %s", c)
		}
	}
	if strings.Contains(commands, "pressend man") || strings.Contains(commands, "__complete") {
		t.Error("COMMANDS lists a hidden command")
	}
}

// groff finds what a reader would trip over: unknown macros, bad escapes.
func TestManIsValidRoff(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed")
	}
	cmd := exec.Command(groff, "-man", "-ww", "-z")
	cmd.Stdin = strings.NewReader(renderMan(t))
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}

// The man page command is for packagers; it stays out of --help.
func TestManHidden(t *testing.T) {
	s := newSandbox(t)
	o := s.must(s.run("", "--help"), 0, "--help")
	if regexp.MustCompile(`(?m)^\s+man\b`).MatchString(o.stdout) {
		t.Errorf("--help lists the man command:\n%s", o.stdout)
	}
}
