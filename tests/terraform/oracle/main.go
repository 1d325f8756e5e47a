// hcl-oracle: what HashiCorp's own parser (hclsyntax, from Debian's
// golang-github-hashicorp-hcl-v2-dev) reads from HCL files, as JSON, for comparison with
// dnslint's reader (tests/terraform/hcl_oracle_parity.py). For each file: whether it has
// errors, and its bodies: attributes with the byte offsets of their name and value and, for
// values that need no variables or functions, the value; blocks with type and labels.
//
// Usage: hcl-oracle FILE...          one JSON line per file
//        hcl-oracle --time N FILE... parse every file N times and print the seconds taken
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

type attribute struct {
	Name      string          `json:"name"`
	NameLine  int             `json:"name_line"`
	NameByte  int             `json:"name_byte"`
	ValueByte int             `json:"value_byte"`
	ValueEnd  int             `json:"value_end"`
	Value     json.RawMessage `json:"value"`
}

type block struct {
	Type     string   `json:"type"`
	Labels   []string `json:"labels"`
	TypeLine int      `json:"type_line"`
	TypeByte int      `json:"type_byte"`
	Body     body     `json:"body"`
}

type body struct {
	Attributes []attribute `json:"attributes"`
	Blocks     []block     `json:"blocks"`
}

type file struct {
	Path   string `json:"path"`
	Errors int    `json:"errors"`
	Body   *body  `json:"body,omitempty"`
}

// static is the value of an expression that needs no variables or functions, or "dynamic".
func static(expr hclsyntax.Expression) json.RawMessage {
	dynamic := json.RawMessage(`{"dynamic": true}`)
	if len(expr.Variables()) > 0 || callsFunction(expr) {
		return dynamic
	}
	value, diags := expr.Value(nil)
	if diags.HasErrors() || !value.IsWhollyKnown() {
		return dynamic
	}
	if value.IsNull() {
		return json.RawMessage("null")
	}
	encoded, err := ctyjson.Marshal(value, value.Type())
	if err != nil || value.Type() == cty.DynamicPseudoType {
		return dynamic
	}
	return encoded
}

func callsFunction(expr hclsyntax.Expression) bool {
	found := false
	hclsyntax.VisitAll(expr, func(node hclsyntax.Node) hcl.Diagnostics {
		if _, ok := node.(*hclsyntax.FunctionCallExpr); ok {
			found = true
		}
		return nil
	})
	return found
}

func convert(b *hclsyntax.Body) body {
	out := body{Attributes: []attribute{}, Blocks: []block{}}
	for name, attr := range b.Attributes {
		out.Attributes = append(out.Attributes, attribute{
			Name:      name,
			NameLine:  attr.NameRange.Start.Line,
			NameByte:  attr.NameRange.Start.Byte,
			ValueByte: attr.Expr.Range().Start.Byte,
			ValueEnd:  attr.Expr.Range().End.Byte,
			Value:     static(attr.Expr),
		})
	}
	for _, blk := range b.Blocks {
		labels := blk.Labels
		if labels == nil {
			labels = []string{}
		}
		out.Blocks = append(out.Blocks, block{
			Type:     blk.Type,
			Labels:   labels,
			TypeLine: blk.TypeRange.Start.Line,
			TypeByte: blk.TypeRange.Start.Byte,
			Body:     convert(blk.Body),
		})
	}
	return out
}

func main() {
	args := os.Args[1:]
	if len(args) >= 2 && args[0] == "--time" {
		rounds, err := strconv.Atoi(args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "hcl-oracle: --time takes a number of rounds")
			os.Exit(2)
		}
		var sources [][]byte
		for _, path := range args[2:] {
			src, err := os.ReadFile(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			sources = append(sources, src)
		}
		start := time.Now()
		for i := 0; i < rounds; i++ {
			for _, src := range sources {
				hclsyntax.ParseConfig(src, "input.tf", hcl.InitialPos)
			}
		}
		fmt.Printf("%.6f\n", time.Since(start).Seconds()/float64(rounds))
		return
	}
	encoder := json.NewEncoder(os.Stdout)
	for _, path := range args {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		parsed, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		out := file{Path: path, Errors: len(diags.Errs())}
		if !diags.HasErrors() {
			converted := convert(parsed.Body.(*hclsyntax.Body))
			out.Body = &converted
		}
		if err := encoder.Encode(out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}
