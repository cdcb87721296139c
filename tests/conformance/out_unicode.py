# output: text in any script, written in pieces
import sys

print("안녕하세요, asyncio!")
for ch in "비동기 ✓ 🐍":
    sys.stdout.write(ch)
print()
