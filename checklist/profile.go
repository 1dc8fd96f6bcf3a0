package checklist

import (
	"fmt"
	"slices"
)

// AccountType says how the user runs an account on a platform.
type AccountType string

// The kinds of account a user can hold on a platform.
const (
	Personal     AccountType = "personal"
	Professional AccountType = "professional"
	Pseudonymous AccountType = "pseudonymous"
)

// Valid reports whether t is a known account type.
func (t AccountType) Valid() bool {
	return t == Personal || t == Professional || t == Pseudonymous
}

// Profile flags an item's Applies.Flags can name.
const (
	FlagIdentifies   = "identifies"
	FlagPublishes    = "publishes"
	FlagPracticePage = "practice_page"
	FlagPseudonym    = "pseudonym"
	FlagStudent      = "student"
	FlagClinical     = "clinical"
	// FlagRegistered holds for roles with a professional regulator.
	FlagRegistered = "registered"
)

// KnownFlags lists every flag a pack may use, for validation.
func KnownFlags() []string {
	return []string{FlagIdentifies, FlagPublishes, FlagPracticePage, FlagPseudonym, FlagStudent, FlagClinical, FlagRegistered}
}

// Profile is what the user tells pressend about themselves before the audit.
// It decides which items apply and whose guidance is cited.
type Profile struct {
	Role   string `json:"role"`
	Nation string `json:"nation"`
	// Accounts maps each platform the user holds an account on (dormant
	// ones included) to how they run it.
	Accounts map[string]AccountType `json:"accounts"`
	// Identifies: the user shows they are a health professional on at
	// least one personal account.
	Identifies bool `json:"identifies"`
	// Publishes: the user publishes for the public, monetises or advertises.
	Publishes bool `json:"publishes"`
	// PracticePage: the user runs an official, practice or department page.
	PracticePage bool `json:"practice_page"`
	// PatientContact is asked only of roles that are not clinical (staff
	// without a registered profession): with it, patient-facing items
	// apply to them too.
	PatientContact bool `json:"patient_contact,omitempty"`
}

// Complete reports whether the profile has the answers the audit needs.
func (p *Profile) Complete() bool {
	return p != nil && p.Role != "" && p.Nation != ""
}

// Clone returns a deep copy.
func (p *Profile) Clone() *Profile {
	if p == nil {
		return nil
	}
	c := *p
	if p.Accounts != nil {
		c.Accounts = make(map[string]AccountType, len(p.Accounts))
		for k, v := range p.Accounts {
			c.Accounts[k] = v
		}
	}
	return &c
}

// Uses reports whether the user holds an account on the platform.
func (p *Profile) Uses(platform string) bool {
	_, ok := p.Accounts[platform]
	return ok
}

// Validate checks the profile against a pack.
func (p *Profile) Validate(pack *Pack) error {
	if _, ok := pack.Role(p.Role); !ok {
		return fmt.Errorf("unknown role %q", p.Role)
	}
	if _, ok := pack.Nation(p.Nation); !ok {
		return fmt.Errorf("unknown nation %q", p.Nation)
	}
	for id, t := range p.Accounts {
		if _, ok := pack.Platform(id); !ok {
			return fmt.Errorf("unknown platform %q", id)
		}
		if !t.Valid() {
			return fmt.Errorf("account type %q for %s must be personal, professional or pseudonymous", t, id)
		}
	}
	return nil
}

// RegulatorID is the regulator whose guidance applies to this user: the
// role's, with the Northern Ireland variant where one exists.
func (p *Profile) RegulatorID(pack *Pack) string {
	r, ok := pack.Role(p.Role)
	if !ok {
		return ""
	}
	if p.Nation == "northern-ireland" && r.RegulatorNI != "" {
		return r.RegulatorNI
	}
	return r.Regulator
}

// Flag reports whether a named profile flag holds.
func (p *Profile) Flag(pack *Pack, name string) bool {
	role, _ := pack.Role(p.Role)
	switch name {
	case FlagIdentifies:
		return p.Identifies
	case FlagPublishes:
		return p.Publishes
	case FlagPracticePage:
		return p.PracticePage
	case FlagStudent:
		return role.Student
	case FlagClinical:
		return role.Clinical || p.PatientContact
	case FlagRegistered:
		return p.RegulatorID(pack) != ""
	case FlagPseudonym:
		for _, t := range p.Accounts {
			if t == Pseudonymous {
				return true
			}
		}
	}
	return false
}

// Identified reports whether the user is identifiable as a health
// professional on their account on a platform: always on a professional
// account, and on a personal one when they say they identify themselves.
func (p *Profile) Identified(platform string) bool {
	switch p.Accounts[platform] {
	case Professional:
		return true
	case Personal:
		return p.Identifies
	}
	return false
}

// matches reports whether the non-platform parts of Applies hold.
func (a Applies) matches(pack *Pack, p *Profile) bool {
	if len(a.Roles) > 0 && !slices.Contains(a.Roles, p.Role) {
		return false
	}
	for _, f := range a.Flags {
		if !p.Flag(pack, f) {
			return false
		}
	}
	if len(a.Nations) > 0 && !slices.Contains(a.Nations, p.Nation) {
		return false
	}
	for _, f := range a.NotFlags {
		if p.Flag(pack, f) {
			return false
		}
	}
	if len(a.AnyFlags) > 0 {
		any := false
		for _, f := range a.AnyFlags {
			any = any || p.Flag(pack, f)
		}
		if !any {
			return false
		}
	}
	return true
}

// accountFits reports whether the user's account on a platform is of a kind
// the item is about.
func (a Applies) accountFits(p *Profile, platform string) bool {
	t, ok := p.Accounts[platform]
	if !ok {
		return false
	}
	return len(a.Accounts) == 0 || slices.Contains(a.Accounts, t)
}

// generalAccountsFit reports whether an item that is not expanded per
// platform but names account kinds applies: the user must hold at least one
// account of such a kind.
func (a Applies) generalAccountsFit(p *Profile) bool {
	if len(a.Accounts) == 0 {
		return true
	}
	for _, t := range p.Accounts {
		if slices.Contains(a.Accounts, t) {
			return true
		}
	}
	return false
}
