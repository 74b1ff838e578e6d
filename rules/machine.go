package rules

import (
	"fmt"

	"github.com/expr-lang/expr/vm"
)

// machine runs the expression programs of one compiler: expr's VM, and the variables as the
// programs read them. Programs are compiled against a map of the variables' types, so that
// the VM reads a variable with one map lookup, and only the variables a program uses are
// loaded before it runs.
type machine struct {
	vm   vm.VM
	vars map[string]any
}

// typeEnv is the variables with their types, for the compiler: the same names and types as
// Env's expr tags.
func typeEnv() map[string]any {
	return map[string]any{"actual": 0.0, "target": 0.0, "weight": 0.0, "prior": 0.0, "rate": 0.0, "text": "", "funds": FundsEnv{},
		"late_days": 0.0, "late_months": 0.0}
}

func newMachine(budget uint) *machine {
	return &machine{vm: vm.VM{MemoryBudget: budget}, vars: typeEnv()}
}

// load puts env's values of the variables in uses where the programs read them.
func (m *machine) load(env *Env, uses variable) {
	if uses&varActual != 0 {
		m.vars["actual"] = env.Actual
	}
	if uses&varTarget != 0 {
		m.vars["target"] = env.Target
	}
	if uses&varWeight != 0 {
		m.vars["weight"] = env.Weight
	}
	if uses&varPrior != 0 {
		m.vars["prior"] = env.Prior
	}
	if uses&varRate != 0 {
		m.vars["rate"] = env.Rate
	}
	if uses&varText != 0 {
		m.vars["text"] = env.Text
	}
	if uses&varFunds != 0 {
		m.vars["funds"] = env.Funds
	}
	if uses&varLate != 0 {
		m.vars["late_days"], m.vars["late_months"] = env.LateDays, env.LateMonths
	}
}

func (m *machine) runBool(c *compiled, env *Env) (bool, error) {
	m.load(env, c.uses)
	v, err := m.vm.Run(c.program, m.vars)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("condition gave %T, not a boolean", v)
	}
	return b, nil
}

func (m *machine) runFloat(c *compiled, env *Env) (float64, error) {
	m.load(env, c.uses)
	v, err := m.vm.Run(c.program, m.vars)
	if err != nil {
		return 0, err
	}
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	}
	return 0, fmt.Errorf("score gave %T, not a number", v)
}

// runIndex runs a program that gives a tier's number (the tiers' conditions in one program).
func (m *machine) runIndex(c *compiled, env *Env) (int, error) {
	m.load(env, c.uses)
	v, err := m.vm.Run(c.program, m.vars)
	if err != nil {
		return 0, err
	}
	k, ok := v.(int)
	if !ok {
		return 0, fmt.Errorf("tiers gave %T, not a number", v)
	}
	return k, nil
}
