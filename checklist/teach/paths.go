package teach

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// maxFileSize bounds what pooling reads from one file. A real answers file
// is under a few kilobytes; anything this big is not one, and reading it
// whole could exhaust memory.
const maxFileSize = 1 << 20

// AddPath pools a file, or every *.json file directly inside a folder, in
// name order so the first file (which may set the session) is predictable.
// Dotfiles are skipped: they are answers still being written. Problems are
// recorded as rejections; the error is only for a path that cannot be read
// at all.
func (p *Pool) AddPath(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return p.reject(path, fmt.Errorf("cannot read it: %w", unwrapPath(err)))
	}
	if !fi.IsDir() {
		p.addOne(path)
		return nil
	}
	des, err := os.ReadDir(path)
	if err != nil {
		return p.reject(path, fmt.Errorf("cannot list the folder: %w", unwrapPath(err)))
	}
	var names []string
	for _, de := range des {
		n := de.Name()
		if de.IsDir() || strings.HasPrefix(n, ".") || !strings.EqualFold(filepath.Ext(n), ".json") {
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		p.addOne(filepath.Join(path, n))
	}
	return nil
}

func (p *Pool) addOne(path string) {
	data, err := readLimited(path)
	if err != nil {
		p.reject(path, err)
		return
	}
	p.AddFile(path, data)
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read it: %w", unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read it: %w", unwrapPath(err))
	}
	if len(data) > maxFileSize {
		return nil, errors.New("too large to be an answers file")
	}
	return data, nil
}

// unwrapPath drops the path from an *os.PathError, since the rejection
// already names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// AddPaste pools every answer code found in pasted text (a chat log, say).
// name labels the source in messages ("stdin"). It returns how many codes
// were found; text with none is not an error here, the caller decides.
func (p *Pool) AddPaste(name, text string) int {
	found := FindAnswerCodes(text)
	for _, f := range found {
		p.AddCode(fmt.Sprintf("%s %s", name, f), f.Code)
	}
	return len(found)
}
