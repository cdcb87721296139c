# threads: sys.setprofile/settrace hold for the thread that set them; threading.setprofile_all_threads for every thread
import sys, threading, time

seen = []

def profiler(frame, event, arg):
    if event == "call" and frame.f_code.co_name.startswith("work_"):
        seen.append((threading.current_thread().name, frame.f_code.co_name))

def work_in_thread():
    time.sleep(0.05)

def work_in_main():
    pass

def thread_body():
    sys.setprofile(profiler)  # this thread only
    print("thread's profiler set:", sys.getprofile() is profiler)
    time.sleep(0.1)  # the main thread runs meanwhile
    work_in_thread()
    sys.setprofile(None)

worker = threading.Thread(target=thread_body, name="worker")
worker.start()
time.sleep(0.05)
print("main's profiler:", sys.getprofile())
work_in_main()
worker.join()
print("seen:", seen)

seen.clear()
threading.setprofile_all_threads(profiler)
print("threading.getprofile():", threading.getprofile() is profiler)
helper = threading.Thread(target=lambda: work_in_thread(), name="helper")
helper.start()
work_in_main()
helper.join()
threading.setprofile_all_threads(None)
work_in_main()
print("seen:", seen)
print("main's profiler at the end:", sys.getprofile())

def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name.startswith("work_"):
        seen.append(("trace", threading.current_thread().name, frame.f_code.co_name))
    return None

seen.clear()
def traced_thread():
    sys.settrace(tracer)
    time.sleep(0.1)
    work_in_thread()
t = threading.Thread(target=traced_thread, name="traced")
t.start()
time.sleep(0.05)
print("main's tracer:", sys.gettrace())
work_in_main()
t.join()
print("seen:", seen)
