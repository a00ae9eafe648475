// Builds the form from GET /api/form and runs the program through POST /api/run, reading the
// answer as it streams. Everything the program prints is inserted as text, never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function size(bytes) {
  if (bytes >= 1048576) return (bytes / 1048576).toFixed(bytes % 1048576 ? 1 : 0) + " MiB";
  if (bytes >= 1024) return (bytes / 1024).toFixed(bytes % 1024 ? 1 : 0) + " KiB";
  return bytes + " bytes";
}

function fieldRow(field) {
  const id = "field-" + field.name;
  const row = element("div", { class: "field" });
  const label = element("label", { for: id }, field.label || field.name);
  let input;
  if (field.kind === "switch") {
    row.classList.add("switch");
    input = element("input", { type: "checkbox", id, name: "field." + field.name });
    input.checked = field.default === "true";
    row.append(input, label);
  } else if (field.choices && field.choices.length) {
    input = element("select", { id, name: "field." + field.name });
    if (!field.required) input.append(element("option", { value: "" }, "—"));
    for (const choice of field.choices) input.append(element("option", { value: choice, selected: choice === field.default }, choice));
    row.append(label, input);
  } else if (field.kind === "file") {
    input = element("input", { type: "file", id, name: "file." + field.name, required: field.required });
    row.append(label, input);
  } else {
    const numeric = field.kind === "number" || field.kind === "integer";
    input = element("input", { type: numeric ? "number" : "text", id, name: "field." + field.name,
      step: field.kind === "number" ? "any" : undefined, required: field.required, value: field.default || undefined });
    row.append(label, input);
  }
  if (field.help) row.append(element("span", { class: "help" }, field.help));
  if (field.flag) label.title = field.flag;
  return row;
}

function textRow(id, name, labelText, help, multiline) {
  const row = element("div", { class: "field" });
  const input = multiline ? element("textarea", { id, name, rows: 3 }) : element("input", { type: "text", id, name });
  row.append(element("label", { for: id }, labelText), input);
  if (help) row.append(element("span", { class: "help" }, help));
  return row;
}

function buildForm(form) {
  document.title = form.name + " · run page";
  $("name").textContent = form.name;
  $("summary").textContent = form.summary || "";
  const fields = $("fields");
  for (const field of form.fields || []) fields.append(fieldRow(field));
  if (form.upload) {
    const row = element("div", { class: "field" });
    row.append(element("label", { for: "upload" }, "Input file"),
      element("input", { type: "file", id: "upload", name: "file.upload" }),
      element("span", { class: "help" }, "The program reads the file named on its command line; this one is given to it."));
    fields.append(row);
  }
  (form.prompts || []).forEach((prompt, i) => fields.append(textRow("prompt-" + i, "prompt." + i, prompt.trim() || "Input line " + (i + 1),
    i === 0 ? "The program asks this on its standard input." : undefined, false)));
  if (form.freeArguments) fields.append(textRow("args", "args", "Arguments", "Words after the program's name, as on a command line.", false));
  if (form.stdin) fields.append(textRow("stdin", "stdin", form.prompts && form.prompts.length ? "More standard input" : "Standard input",
    "Sent to the program as it runs; one line per answer.", true));
  $("limits").textContent = "Each run: at most " + form.timeLimitSeconds + " s and " + size(form.outputLimitBytes) + " of output.";
  // The body goes in single quotes for a shell: a quote in it (a default the owner wrote) is closed and escaped.
  $("api-example").textContent = "curl -s " + location.origin + "/api/run \\\n  -H 'Content-Type: application/json' \\\n  -d '" +
    JSON.stringify(example(form)).replace(/'/g, "'\\''") + "'";
}

function example(form) {
  const body = {};
  const fields = {};
  for (const field of form.fields || []) {
    if (field.kind === "file") continue;
    fields[field.name] = field.default || (field.kind === "switch" ? "false" : field.kind === "number" || field.kind === "integer" ? "1" : "text");
  }
  if (Object.keys(fields).length) body.fields = fields;
  if (form.freeArguments) body.args = ["--help"];
  if (form.stdin || (form.prompts && form.prompts.length)) body.stdin = (form.prompts || ["line one"]).map(() => "answer").join("\n") + "\n";
  return body;
}

function formData() {
  const data = new FormData();
  for (const input of $("form").querySelectorAll("input, select, textarea")) {
    if (!input.name) continue;
    if (input.type === "checkbox") data.append(input.name, input.checked ? "true" : "false");
    else if (input.type === "file") { if (input.files.length) data.append(input.name, input.files[0]); }
    else data.append(input.name, input.value);
  }
  return data;
}

function show(kind, text) {
  const output = $("output");
  const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
  const last = output.lastChild;
  if (last && last.dataset.stream === kind) last.append(text);
  else {
    const span = element("span", { class: kind, "data-stream": kind }, text);
    output.append(span);
  }
  if (atBottom) output.scrollTop = output.scrollHeight;
}

function finish(end) {
  const status = $("status");
  const seconds = (end.durationMs / 1000).toFixed(end.durationMs < 10000 ? 2 : 1);
  let text = "Exit status " + end.exitCode + " · " + seconds + " s";
  // A limit is something the run reached; any other reason (the visitor left) is said as it is.
  const reason = /limit/.test(end.stoppedBy || "") ? "the run reached its " + end.stoppedBy : end.stoppedBy;
  if (end.stoppedBy) text = "Stopped: " + reason + " · " + seconds + " s";
  else if (end.truncated) text += " · output cut";
  status.textContent = text;
  status.className = end.exitCode === 0 && !end.stoppedBy ? "succeeded" : "failed";
  const files = $("files");
  for (const file of end.files || []) {
    const item = element("li");
    item.append(element("a", { href: file.url, download: file.name.split("/").pop() }, file.name), " (" + size(file.size) + ")");
    files.append(item);
  }
}

async function run() {
  const button = $("run");
  button.disabled = true;
  $("result").hidden = false;
  $("output").textContent = "";
  $("files").textContent = "";
  $("command").textContent = "";
  const status = $("status");
  status.className = "";
  status.textContent = "Running…";
  let runId = null;
  try {
    const response = await fetch("/api/run", { method: "POST", body: formData(), headers: { Accept: "application/x-ndjson" } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ error: response.statusText }));
      status.textContent = problem.error || "The run was refused (" + response.status + ")";
      status.className = "failed";
      return;
    }
    runId = response.headers.get("X-Run-Id");
    await readEvents(response.body.getReader());
  } catch (error) {
    // A proxy or network may cut a long answer; the run itself goes on and keeps its result.
    if (!runId || !(await recover(runId))) {
      status.textContent = "The run could not be followed: " + error.message;
      status.className = "failed";
    }
  } finally {
    button.disabled = false;
  }
}

async function recover(runId) {
  $("status").textContent = "The connection broke; fetching the run's result…";
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch("/api/runs/" + encodeURIComponent(runId));
      if (response.status === 200) {
        const result = await response.json();
        $("output").textContent = "";
        $("files").textContent = "";
        if (result.stdout) show("stdout", result.stdout);
        if (result.stderr) show("stderr", result.stderr);
        $("command").textContent = "$ " + result.command.map(quote).join(" ");
        finish(result);
        return true;
      }
      if (response.status !== 202) return false;
    } catch (ignored) {
      // try again below
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line) handle(JSON.parse(line));
    }
    if (done) return;
  }
}

function handle(event) {
  if (event.type === "start") $("command").textContent = "$ " + event.command.map(quote).join(" ");
  else if (event.type === "output") show(event.stream, event.text);
  else if (event.type === "end") finish(event);
}

function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
}

document.addEventListener("DOMContentLoaded", async () => {
  $("form").addEventListener("submit", (event) => { event.preventDefault(); run(); });
  const form = await (await fetch("/api/form")).json();
  buildForm(form);
  if (form.autoRun) run();
});
