"""The yardstick for bench/throughput.py: the smallest Flask app, served the same way."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello() -> str:
    return "Hello, World!"
