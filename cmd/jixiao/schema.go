package main

import (
	"io"

	"github.com/spf13/cobra"

	"jixiao/indicators"
)

// schemaCommand prints the JSON Schema of the file format, for TOML editors (Taplo, Even
// Better TOML): saved beside the files and named on their first line,
// `#:schema ./jixiao.schema.json`, it completes keys and flags errors as a person types.
func (a *app) schemaCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:     "schema [-o " + a.t("文件", "FILE") + "]",
		Short:   a.t("打印文件格式的 JSON Schema，供 TOML 编辑器使用", "print the file format's JSON Schema, for TOML editors"),
		GroupID: groupFiles,
		Long: a.t(`打印项目文件格式的 JSON Schema（draft-04，Taplo 和 Even Better TOML 所用）。存在文件旁边，并在
文件第一行写上 #:schema ./jixiao.schema.json，编辑器就会在输入时补全键名、标出错误。`,
			`Prints the JSON Schema of the project file format (draft-04, as Taplo and Even Better TOML
read it). Saved beside the files and named on their first line, #:schema
./jixiao.schema.json, it lets an editor complete keys and flag errors as a person types.`),
		Example: "  jixiao schema -o jixiao.schema.json",
		Args:    a.noArgs,
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			err := writeOutput(a.ctx, out, a.stdout, func(w io.Writer) error {
				_, err := w.Write(indicators.JSONSchema())
				return err
			})
			if code, failed := a.outputFailed(err); failed {
				return code
			}
			return exitOK
		}),
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", a.t("写入`文件`（默认标准输出）", "write the schema to `FILE` (default standard output)"))
	return cmd
}
