package io.gatehouse.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse completion bash}: prints picocli's completion script for bash (zsh
 * runs it too, after {@code autoload -U +X bashcompinit && bashcompinit}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true, description = {
		"Prints a shell completion script. Load it in the current shell with", "  source <(gatehouse completion bash)",
		"or save it under /etc/bash_completion.d/. zsh: run 'autoload -U +X bashcompinit && bashcompinit' first." })
final class CompletionCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash (the default; zsh uses it too).")
	Shell shell;

	@Override
	public Integer call() {
		this.spec.commandLine().getOut().print(AutoComplete.bash("gatehouse", this.spec.root().commandLine()));
		this.spec.commandLine().getOut().flush();
		return 0;
	}

	enum Shell {

		bash

	}

}
