package dev.dropdeploy.chat;

/** Scripted model answers, written the way real models answer (stray fences and all). */
final class Scripts {

    static final String CALCULATOR = """
            I'll build a mortgage calculator as one static page with the maths inline.

            ```html
            <file path="index.html">
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Mortgage calculator</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 2rem auto; }
                label { display: block; margin-top: 1rem; }
                input { width: 100%; padding: .5rem; }
                button { margin-top: 1rem; padding: .6rem 1.2rem; color: white; border: 0; border-radius: 6px; background: #2563eb; }
              </style>
            </head>
            <body>
              <h1>Mortgage calculator</h1>
              <label>Loan amount <input id="amount" type="number" value="300000"></label>
              <label>Interest rate (% per year) <input id="rate" type="number" value="4.5" step="0.01"></label>
              <label>Term (years) <input id="years" type="number" value="30"></label>
              <button id="go">Calculate</button>
              <p id="result"></p>
              <script>
                function monthlyPayment(amount, yearlyRate, years) {
                  const n = years * 12;
                  const r = yearlyRate / 100 / 12;
                  return r === 0 ? amount / n : amount * r / (1 - Math.pow(1 + r, -n));
                }
                document.getElementById('go').addEventListener('click', () => {
                  const m = monthlyPayment(+amount.value, +rate.value, +years.value);
                  result.textContent = 'Monthly payment: ' + m.toFixed(2);
                });
              </script>
            </body>
            </html>
            </file>
            ```

            <summary>A mortgage calculator: one static index.html computing the monthly payment from amount, rate and term.</summary>
            """;

    static final String GREEN_BUTTON = """
            Making the button green.

            <edit path="index.html">
            <<<<<<< SEARCH
                button { margin-top: 1rem; padding: .6rem 1.2rem; color: white; border: 0; border-radius: 6px; background: #2563eb; }
            =======
                button { margin-top: 1rem; padding: .6rem 1.2rem; color: white; border: 0; border-radius: 6px; background: #16a34a; }
            >>>>>>> REPLACE
            </edit>

            <summary>A mortgage calculator (static index.html) with a green Calculate button.</summary>
            """;

    static final String AMORTIZATION_SCRIPT = """
            A script that prints the schedule; every argument has a default.

            <file path="main.py">
            \"\"\"Prints a loan's amortization table.\"\"\"
            import argparse

            parser = argparse.ArgumentParser(description="Prints a loan's amortization table.")
            parser.add_argument("--principal", type=float, default=1200.0, help="amount borrowed")
            parser.add_argument("--months", type=int, default=3, help="number of monthly payments")
            args = parser.parse_args()
            payment = args.principal / args.months
            for month in range(1, args.months + 1):
                print(f"month {month}: pay {payment:.2f}, left {args.principal - payment * month:.2f}")
            </file>
            <summary>A Python script printing an amortization table, run from its run page.</summary>
            """;

    static final String SERVER_ON_WRONG_PORT = """
            A small Node server with no dependencies.

            <file path="package.json">
            {"name": "greeter", "version": "1.0.0", "scripts": {"start": "node server.js"}}
            </file>
            <file path="server.js">
            const port = 4000 + 1;
            require('http').createServer((q, s) => s.end('hello from the server'))
              .listen(port, '0.0.0.0', () => console.log('listening on port ' + port));
            </file>
            <summary>A Node http server that greets.</summary>
            """;

    static final String SERVER_FIXED = """
            It listened on a fixed port; it now uses $PORT.

            <file path="server.js">
            const port = Number(process.env.PORT || 8080);
            require('http').createServer((q, s) => s.end('hello from the fixed server'))
              .listen(port, '0.0.0.0', () => console.log('listening on port ' + port));
            </file>
            <summary>A Node http server that greets, listening on $PORT.</summary>
            """;

    static final String ESCAPING = """
            <file path="../outside.txt">
            nope
            </file>
            <summary>x</summary>
            """;

    static final String CUT_OFF_FIRST_HALF = """
            One page.
            <file path="index.html">
            <html><body><p>half and h""";

    static final String CUT_OFF_SECOND_HALF = """
            alf, joined</p>
            </body></html>
            </file>
            <summary>A page that says half and half.</summary>
            """;

    static final String ELIDED = """
            <file path="index.html">
            <html><body>
            <!-- ... existing content ... -->
            <footer>a footer</footer>
            </body></html>
            </file>
            <summary>With a footer.</summary>
            """;

    static final String NOT_ELIDED = """
            <edit path="index.html">
            <<<<<<< SEARCH
            </body></html>
            =======
            <footer>a footer</footer>
            </body></html>
            >>>>>>> REPLACE
            </edit>
            <summary>A page that says half and half, with a footer.</summary>
            """;

    private Scripts() {}

    static final String GUESTBOOK_IN_MEMORY = """
            A guestbook in Flask that keeps its entries in a list.

            <file path="requirements.txt">
            flask==3.1.2
            </file>

            <file path="app.py">
            import os
            from flask import Flask, request

            app = Flask(__name__)
            entries = []

            @app.get("/")
            def index():
                return "<h1>Guestbook</h1>" + "".join("<p>" + e + "</p>" for e in entries)

            @app.post("/sign")
            def sign():
                entries.append(request.form["text"])
                return "thanks"

            if __name__ == "__main__":
                app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8080)))
            </file>

            <summary>A Flask guestbook keeping entries in memory (app.py).</summary>
            """;

    static final String GUESTBOOK_ON_POSTGRES = """
            I'll keep the entries in a PostgreSQL database so they survive every change.

            <attach kind="postgres"/>

            <file path="requirements.txt">
            flask==3.1.2
            psycopg[binary]==3.2.3
            </file>

            <file path="app.py">
            import os
            from flask import Flask, request
            import psycopg

            app = Flask(__name__)

            def db():
                return psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)

            with db() as c:
                c.execute("CREATE TABLE IF NOT EXISTS entry (id serial PRIMARY KEY, text text NOT NULL)")

            @app.get("/")
            def index():
                with db() as c:
                    rows = c.execute("SELECT text FROM entry ORDER BY id").fetchall()
                return "<h1>Guestbook</h1>" + "".join("<p>" + r[0] + "</p>" for r in rows)

            @app.post("/sign")
            def sign():
                with db() as c:
                    c.execute("INSERT INTO entry (text) VALUES (%s)", (request.form["text"],))
                return "thanks"

            if __name__ == "__main__":
                app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8080)))
            </file>

            <summary>A Flask guestbook storing entries in PostgreSQL (DATABASE_URL).</summary>
            """;

    static final String GUESTBOOK_BIGGER_TITLE = """
            Making the title bigger.

            <edit path="app.py">
            <<<<<<< SEARCH
                return "<h1>Guestbook</h1>" + "".join("<p>" + r[0] + "</p>" for r in rows)
            =======
                return "<h1 style='font-size:3rem'>Guestbook</h1>" + "".join("<p>" + r[0] + "</p>" for r in rows)
            >>>>>>> REPLACE
            </edit>

            <summary>A Flask guestbook storing entries in PostgreSQL, with a big title.</summary>
            """;
}
