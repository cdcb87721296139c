def function():
    print("function: start")
    return "done"        # runs to the end in one go

def coroutine():
    print("coroutine: step 1")
    x = yield "paused"   # suspend here...
    print("coroutine: resumed with", x)
    yield "paused again"

print(function())
co = coroutine()
print(next(co))          # run to the first yield
print(co.send(42))       # resume where it left off
