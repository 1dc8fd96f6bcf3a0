package teach

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// FilePrefix and FileSuffix frame an answers file's name:
// pressend-answers-<8 random characters>.json. The random part keeps
// students' files apart in a shared folder without saying whose they are.
const (
	FilePrefix = "pressend-answers-"
	FileSuffix = ".json"
)

// Saver writes one student's answers file, replacing it after every answer.
type Saver struct {
	path string
}

// NewSaver picks a fresh file name in dir, which must exist. Nothing is
// written until the first Save, so a student who answers nothing leaves
// no empty file to be counted.
func NewSaver(dir string, rnd io.Reader) (*Saver, error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("the folder %s does not exist: create it, or choose another with --out", dir)
	case err != nil:
		return nil, fmt.Errorf("cannot use the folder %s: %w", dir, err)
	case !fi.IsDir():
		return nil, fmt.Errorf("%s is not a folder: give --out a folder", dir)
	}
	for range 100 {
		tail, err := randomChars(rnd, 8)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, FilePrefix+strings.ToLower(tail)+FileSuffix)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return &Saver{path: p}, nil
		}
	}
	return nil, fmt.Errorf("could not find a free file name in %s", dir)
}

// Path is where the answers are (or will be) saved.
func (s *Saver) Path() string { return s.path }

// Save replaces the file with the submission, whole or not at all.
func (s *Saver) Save(sub Submission) error {
	data, err := sub.Encode()
	if err != nil {
		return err
	}
	return writeAtomic(s.path, data)
}

// WriteFile writes a handout or results file as 0600, whole or not at
// all. Unless force is set it never replaces an existing file, and the
// check and the write are one step (a hard link fails if the name is
// taken), so two runs cannot both think they created it.
func WriteFile(path string, data []byte, force bool) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder: give --output a file name", path)
	}
	if force {
		return writeAtomic(path, data)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: choose another name, or add --force to replace it", path)
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: choose another name, or add --force to replace it", path)
		}
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeAtomic is checklist/store.go's recipe (temp file in the same
// folder, exact 0600, fsync, rename, fsync the folder), repeated here
// because that one is unexported and the teaching files need the same
// promise: a crash leaves the old answers or the new, never half a file.
func writeAtomic(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeTemp writes data to a synced, closed 0600 dotfile beside path.
func writeTemp(path string, data []byte) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	// CreateTemp asks for 0600 but the umask applies; Chmod makes it exact.
	if err = f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return "", err
	}
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// syncDir makes a rename durable; best effort, as in checklist/store_lock.go.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
