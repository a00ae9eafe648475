package dev.dropdeploy.detect.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.RunForm;
import dev.dropdeploy.detect.RunForm.Field;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run form read from programs through the whole detector, as a deploy reads it. */
class RunFormsTest {

    @TempDir
    Path dir;

    private RunForm form(Map<String, String> files) {
        DetectionReport report = Trees.detect(dir, files);
        assertThat(report.webServer()).as("a program, not a web server").isFalse();
        return report.runForm();
    }

    @Test
    void argparseArgumentsBecomeFieldsWithTheirTypesDefaultsAndHelp() {
        RunForm form = form(Map.of("main.py", """
                import argparse
                parser = argparse.ArgumentParser(description="Prints an amortization table.")
                parser.add_argument("principal", type=float, help="amount borrowed")
                parser.add_argument("--rate", type=float, default=5.0, help="yearly rate in %% (default %(default)s)")
                parser.add_argument("-y", "--years", type=int, default=30)
                parser.add_argument("--monthly", action="store_true", help="one row per month")
                parser.add_argument("--format", choices=["text", "csv"], default="text")
                args = parser.parse_args()
                print(args)
                """));
        assertThat(form.summary()).isEqualTo("Prints an amortization table.");
        assertThat(form.fields())
                .containsExactly(
                        new Field("principal", "", "Principal", "number", "", "amount borrowed", true, List.of()),
                        new Field(
                                "rate",
                                "--rate",
                                "Rate",
                                "number",
                                "5.0",
                                "yearly rate in %% (default 5.0)",
                                false,
                                List.of()),
                        new Field("years", "--years", "Years", "integer", "30", "", false, List.of()),
                        new Field(
                                "monthly",
                                "--monthly",
                                "Monthly",
                                "switch",
                                "false",
                                "one row per month",
                                false,
                                List.of()),
                        new Field("format", "--format", "Format", "choice", "text", "", false, List.of("text", "csv")));
        assertThat(form.autoRun()).as("the principal is required").isFalse();
        assertThat(form.freeArguments()).isFalse();
    }

    @Test
    void aProgramWhoseArgumentsAllHaveDefaultsRunsAsThePageOpens() {
        RunForm form = form(Map.of("table.py", """
                \"\"\"Multiplication table.\"\"\"
                import argparse
                p = argparse.ArgumentParser()
                p.add_argument("--size", type=int, default=10)
                a = p.parse_args()
                for i in range(1, a.size + 1):
                    print(i)
                if __name__ == "__main__":
                    pass
                """));
        assertThat(form.autoRun()).isTrue();
        assertThat(form.summary()).isEqualTo("Multiplication table.");
    }

    @Test
    void inputPromptsAreReadInOrderAndTheProgramWaitsForThem() {
        RunForm form = form(Map.of("main.py", """
                name = input("What is your name? ")
                age = int(input(f"How old are you, {name}? "))
                print(f"{name} is {age}")
                """));
        assertThat(form.prompts()).containsExactly("What is your name?", "How old are you, {name}?");
        assertThat(form.stdin()).isTrue();
        assertThat(form.autoRun()).isFalse();
    }

    @Test
    void clickOptionsAndArgumentsBecomeFields() {
        RunForm form = form(Map.of("cli.py", """
                import click

                @click.command()
                @click.option("--count", default=1, type=int, help="Number of greetings.")
                @click.option("--shout/--no-shout", default=False)
                @click.argument("name")
                def hello(count, shout, name):
                    click.echo(name)

                if __name__ == "__main__":
                    hello()
                """));
        assertThat(form.fields())
                .extracting(Field::name, Field::flag, Field::kind, Field::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("count", "--count", "integer", false),
                        org.assertj.core.groups.Tuple.tuple("shout", "--shout", "switch", false),
                        org.assertj.core.groups.Tuple.tuple("name", "", "text", true));
    }

    @Test
    void typerParametersBecomeArgumentsAndOptions() {
        RunForm form = form(Map.of("app.py", """
                import typer

                def main(name: str, count: int = 2, polite: bool = True):
                    for _ in range(count):
                        print(("Dear " if polite else "") + name)

                if __name__ == "__main__":
                    typer.run(main)
                """));
        assertThat(form.fields())
                .extracting(Field::name, Field::flag, Field::kind, Field::defaultValue, Field::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "", "text", "", true),
                        org.assertj.core.groups.Tuple.tuple("count", "--count", "integer", "2", false),
                        org.assertj.core.groups.Tuple.tuple("polite", "--no-polite", "switch", "true", false));
    }

    @Test
    void sysArgvGivesAFreeArgumentsLineAndAFileReadFromItAnUpload() {
        RunForm form = form(Map.of("count.py", """
                import sys
                with open(sys.argv[1]) as f:
                    print(sum(1 for _ in f))
                """));
        assertThat(form.freeArguments()).isTrue();
        assertThat(form.upload()).isTrue();
        assertThat(form.autoRun()).isFalse();
    }

    @Test
    void aNodeScriptReadingProcessArgvWithADefaultRunsAtOnce() {
        RunForm form = form(Map.of(
                "package.json", """
                {"name": "fizzbuzz", "description": "FizzBuzz up to a number", "main": "index.js"}""",
                "index.js", """
                const limit = Number(process.argv[2] || 15);
                for (let i = 1; i <= limit; i++) console.log(i % 15 ? i : 'FizzBuzz');
                """));
        assertThat(form.name()).isEqualTo("fizzbuzz");
        assertThat(form.summary()).isEqualTo("FizzBuzz up to a number");
        assertThat(form.freeArguments()).isTrue();
        assertThat(form.autoRun()).isTrue();
    }

    @Test
    void readlineQuestionsBecomePrompts() {
        RunForm form = form(Map.of("package.json", """
                {"name": "adder", "main": "ask.js"}""", "ask.js", """
                const readline = require('readline');
                const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
                rl.question('First number: ', (a) => {
                  rl.question('Second number: ', (b) => { console.log(Number(a) + Number(b)); rl.close(); });
                });
                """));
        assertThat(form.prompts()).containsExactly("First number:", "Second number:");
        assertThat(form.autoRun()).isFalse();
    }

    @Test
    void commanderOptionsBecomeFields() {
        RunForm form = form(Map.of(
                "package.json", """
                {"name": "greet", "dependencies": {"commander": "^12.0.0"}}""",
                "index.js", """
                const { program } = require('commander');
                program.description('Greets people')
                  .option('-n, --name <name>', 'who to greet', 'world')
                  .option('-l, --loud', 'shout');
                program.parse();
                console.log('hello ' + program.opts().name);
                """));
        assertThat(form.summary()).isEqualTo("Greets people");
        assertThat(form.fields())
                .extracting(Field::name, Field::flag, Field::kind, Field::defaultValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "--name", "text", "world"),
                        org.assertj.core.groups.Tuple.tuple("loud", "--loud", "switch", "false"));
        assertThat(form.autoRun()).isTrue();
    }

    @Test
    void javaPromptsBeforeScannerReadsAreRead() {
        RunForm form = form(Map.of("Bmi.java", """
                import java.util.Scanner;

                /** Body mass index from height and weight. */
                public class Bmi {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.print("Height in metres: ");
                        double h = in.nextDouble();
                        System.out.print("Weight in kilograms: ");
                        double w = in.nextDouble();
                        System.out.printf("BMI %.1f%n", w / (h * h));
                    }
                }
                """));
        assertThat(form.name()).isEqualTo("Bmi");
        assertThat(form.summary()).isEqualTo("Body mass index from height and weight.");
        assertThat(form.prompts()).containsExactly("Height in metres:", "Weight in kilograms:");
    }

    @Test
    void goFlagsBecomeFieldsWithTheirDefaults() {
        RunForm form = form(Map.of(
                "go.mod", "module example.com/primes\n\ngo 1.22\n",
                "main.go", """
                // Command primes prints the prime numbers up to a limit.
                package main

                import (
                	"flag"
                	"fmt"
                )

                func main() {
                	limit := flag.Int("limit", 100, "largest number to test")
                	var verbose bool
                	flag.BoolVar(&verbose, "v", false, "explain each step")
                	flag.Parse()
                	fmt.Println(*limit, verbose)
                }
                """));
        assertThat(form.name()).isEqualTo("primes");
        assertThat(form.summary()).isEqualTo("Command primes prints the prime numbers up to a limit.");
        assertThat(form.fields())
                .extracting(Field::name, Field::flag, Field::kind, Field::defaultValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("limit", "-limit", "integer", "100"),
                        org.assertj.core.groups.Tuple.tuple("v", "-v", "switch", "false"));
        assertThat(form.autoRun()).isTrue();
    }

    @Test
    void aPhpScriptWithoutAnIndexPageIsAProgramThatAsksItsQuestions() {
        RunForm form = form(Map.of("tip.php", """
                <?php
                // Splits a bill with a tip.
                $bill = (float) readline("Bill amount: ");
                echo "Tip in percent: ";
                $tip = (float) trim(fgets(STDIN));
                printf("Total %.2f\n", $bill * (1 + $tip / 100));
                """));
        assertThat(form.language()).isEqualTo("php");
        assertThat(form.summary()).isEqualTo("Splits a bill with a tip.");
        assertThat(form.prompts()).containsExactly("Bill amount:", "Tip in percent:");
    }

    @Test
    void aWebServerHasNoRunForm() {
        DetectionReport report = Trees.detect(dir, Map.of("app.py", """
                from flask import Flask
                app = Flask(__name__)
                """, "requirements.txt", "flask\n"));
        assertThat(report.webServer()).isTrue();
        assertThat(report.runForm()).isNull();
    }
}
