# sys.exit("message"): printed on stderr, status 1
import sys

print("about to fail")
sys.exit("fatal: giving up")
