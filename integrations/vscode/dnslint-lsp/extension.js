// A minimal VS Code client for `dnslint lsp`: `npm install`, then run it with F5 or package it
// with `vsce package`.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("dnslint").get("path") || "dnslint";
  client = new LanguageClient(
    "dnslint",
    "dnslint",
    { command, args: ["lsp"] },
    {
      documentSelector: [
        { scheme: "file", pattern: "**/*.{zone,db,arpa}" },
        { scheme: "file", pattern: "**/db.*" },
        { scheme: "file", language: "terraform" },
        { scheme: "file", pattern: "**/*.{tf,tfvars,tf.json}" },
        { scheme: "file", language: "yaml" },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.dnslint.yaml") },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
