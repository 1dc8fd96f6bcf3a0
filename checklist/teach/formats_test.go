package teach

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestFormatsDocumented keeps FORMATS.md in step with the code: every
// format id and every JSON key pressend writes must appear in it.
func TestFormatsDocumented(t *testing.T) {
	doc, err := os.ReadFile("FORMATS.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	for _, id := range []string{AnswersFormat, HandsFormat, SlideFormat, ResultsFormat, DeckListFormat, deckFormat, sessionMAC, answerMAC, Alphabet} {
		if !strings.Contains(s, id) {
			t.Errorf("FORMATS.md does not mention %q", id)
		}
	}
	for _, v := range []any{answersFile{}, Answer{}, Hands{}, HandCount{}, Results{}, DeckInfo{}, QuestionResult{}, Round{}, Count{}, Rejection{}, canonScenario{}, canonCheck{}, canonOption{}, deckList{}, deckEntry{}, Slide{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if tag != "" && tag != "-" && !strings.Contains(s, `"`+tag+`"`) {
				t.Errorf("FORMATS.md does not document %s's key %q", typ.Name(), tag)
			}
		}
	}
}
