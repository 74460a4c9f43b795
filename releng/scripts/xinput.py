#!/usr/bin/env python3
"""Drives and photographs an X display the way a person would, for end-to-end tests of the workbench.

    xinput.py keys SPEC...   presses keys on the window under the pointer (moved to the screen's
                             centre): 'ctrl+3', 'Return', 'Escape', 'text:Some words' typed, or
                             'new-window' to wait (10 s at most) for a window more than at the start
    xinput.py shot FILE.png  saves the largest window on screen (with what lies over it) as a PNG
    xinput.py window SECONDS waits until a window of at least 400x300 is on screen; exit 1 if none came

Uses the X11 and XTest client libraries that GTK already brings (through ctypes), so that no other
package is needed; DISPLAY says which display.
"""
import ctypes
import ctypes.util
import struct
import sys
import time
import zlib

x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
xtst = ctypes.cdll.LoadLibrary(ctypes.util.find_library("Xtst") or "libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                          ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                          ctypes.POINTER(ctypes.c_uint)]
x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]


class XImage(ctypes.Structure):
    # The leading fields of Xlib's XImage, up to what a screenshot needs.
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


MODIFIERS = {"ctrl": "Control_L", "shift": "Shift_L", "alt": "Alt_L"}
SHIFTED = {c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
NAMES = {" ": "space", ".": "period", "-": "minus", "/": "slash", ">": "greater"}


def display():
    d = x11.XOpenDisplay(None)
    if not d:
        sys.exit("xinput: cannot open the display (DISPLAY is not set, or no X server there)")
    return d


def keycode(d, name):
    sym = x11.XStringToKeysym(name.encode())
    code = x11.XKeysymToKeycode(d, sym) if sym else 0
    if not code:
        sys.exit(f"xinput: no key for '{name}'")
    return code


def press(d, names):
    codes = [keycode(d, n) for n in names]
    for c in codes:
        xtst.XTestFakeKeyEvent(d, c, 1, 0)
    for c in reversed(codes):
        xtst.XTestFakeKeyEvent(d, c, 0, 0)
    x11.XSync(d, 0)
    time.sleep(0.05)


def keys(specs):
    d = display()
    # Without a window manager the keyboard follows the pointer: put it over the window.
    xtst.XTestFakeMotionEvent(d, 0, x11.XDisplayWidth(d, 0) // 2, x11.XDisplayHeight(d, 0) // 2, 0)
    x11.XSync(d, 0)
    before = windows(d, 100, 100)
    for spec in specs:
        if spec == "new-window":
            wait(d, 10, before, 100, 100)
            time.sleep(0.3)  # drawn and focused
        elif spec.startswith("text:"):
            for ch in spec[5:]:
                if ch in SHIFTED:
                    press(d, ["Shift_L", SHIFTED[ch]])
                else:
                    press(d, [NAMES.get(ch, ch)])
        else:
            *mods, key = spec.split("+")
            press(d, [MODIFIERS.get(m, m) for m in mods] + [key])


def shot(path):
    d = display()
    x, y, w, h = largest(d) or (0, 0, x11.XDisplayWidth(d, 0), x11.XDisplayHeight(d, 0))
    ptr = x11.XGetImage(d, x11.XDefaultRootWindow(d), x, y, w, h, 0xFFFFFFFF, 2)  # ZPixmap
    if not ptr:
        sys.exit("xinput: cannot read the screen")
    img = XImage.from_address(ptr)
    if img.bits_per_pixel != 32:
        sys.exit(f"xinput: {img.bits_per_pixel} bits per pixel; a 24-bit display (Xvfb -screen 0 WxHx24) is needed")
    data = ctypes.string_at(img.data, img.bytes_per_line * h)
    raw = bytearray()
    for y in range(h):
        row = data[y * img.bytes_per_line:y * img.bytes_per_line + 4 * w]
        rgb = bytearray(3 * w)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[2::4], row[1::4], row[0::4]  # BGRX to RGB
        raw += b"\0" + rgb

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))


def viewable(d):
    """The windows on screen: (x, y, width, height) of each."""
    r, p, children, n = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x11.XQueryTree(d, x11.XDefaultRootWindow(d), ctypes.byref(r), ctypes.byref(p), ctypes.byref(children),
                          ctypes.byref(n)):
        return []
    out = []
    for i in range(n.value):
        a = XWindowAttributes()
        if x11.XGetWindowAttributes(d, children[i], ctypes.byref(a)) and a.map_state == 2:  # IsViewable
            out.append((a.x, a.y, a.width, a.height))
    return out


def windows(d, width, height):
    """How many windows of at least width x height are on screen."""
    return sum(1 for (_, _, w, h) in viewable(d) if w >= width and h >= height)


def largest(d):
    """The largest window on screen, within the screen, or None."""
    sw, sh = x11.XDisplayWidth(d, 0), x11.XDisplayHeight(d, 0)
    boxes = [(max(x, 0), max(y, 0), min(w, sw - max(x, 0)), min(h, sh - max(y, 0))) for (x, y, w, h) in viewable(d)]
    boxes = [b for b in boxes if b[2] > 0 and b[3] > 0]
    return max(boxes, key=lambda b: b[2] * b[3]) if boxes else None


def wait(d, seconds, more_than, width, height):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if windows(d, width, height) > more_than:
            return
        time.sleep(0.1)
    sys.exit(f"xinput: no new window on screen within {seconds} s")


def window(seconds):
    wait(display(), seconds, 0, 400, 300)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "keys":
        keys(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "window":
        window(float(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "shot":
        shot(sys.argv[2])
    else:
        sys.exit(__doc__)
