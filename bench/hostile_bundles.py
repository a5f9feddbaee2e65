"""Crafts bad model bundles from a good one, for bench/hostile-bundles.sh (docs/reliability.md).

usage: python3 hostile_bundles.py GOOD.lexb OUT_DIR
Each file breaks one thing: a config beyond the limits, a config that disagrees with weights.bin,
a flipped bit (stored or deflated entry), ZIP bombs with true or lying sizes (zip64 where needed),
an archive of 100 000 entries. The bombs take about a minute to deflate (6 GiB and 2 x 4 GiB of zeros).
"""
import os, shutil, struct, sys, zipfile

SRC, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
with zipfile.ZipFile(SRC) as z:
    BASE = [(i.filename, z.read(i.filename)) for i in z.infolist()]
CFG = dict(BASE)['config.json'].decode()


def write(name, replace=None, stored=(), drop=(), big=None):
    p = os.path.join(OUT, name)
    with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for n, b in BASE:
            if n in drop:
                continue
            if big and n == big[0]:
                with z.open(n, 'w', force_zip64=True) as w:
                    big[1](w)
                continue
            method = zipfile.ZIP_STORED if n in stored else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(n, (2026, 11, 22, 7, 48, 0)), (replace or {}).get(n, b), compress_type=method)
    return p


def central(data, name):
    nb = name.encode()
    for i in range(len(data) - 46, -1, -1):
        if data[i:i + 4] == b'PK\x01\x02' and struct.unpack('<H', data[i + 28:i + 30])[0] == len(nb) \
                and data[i + 46:i + 46 + len(nb)] == nb:
            return i
    raise KeyError(name)


def lie(p, name, size):
    """Makes the central directory declare `size` inflated bytes (in the zip64 field when there is one)."""
    data = bytearray(open(p, 'rb').read())
    c = central(data, name)
    if struct.unpack('<I', data[c + 24:c + 28])[0] == 0xFFFFFFFF:
        nl, el = struct.unpack('<HH', data[c + 28:c + 32])
        e = c + 46 + nl
        while e < c + 46 + nl + el:
            tag, ln = struct.unpack('<HH', data[e:e + 4])
            if tag == 1:
                data[e + 4:e + 12] = struct.pack('<Q', size)
                break
            e += 4 + ln
    else:
        data[c + 24:c + 28] = struct.pack('<I', size)
    open(p, 'wb').write(data)


def flip(p, name, compressed):
    """Flips one bit in the middle of an entry's stored bytes, leaving its recorded CRC as it was."""
    data = bytearray(open(p, 'rb').read())
    c = central(data, name)
    size = struct.unpack('<I', data[c + 20:c + 24])[0]  # compressed size: the bytes in the file
    off = struct.unpack('<I', data[c + 42:c + 46])[0]
    nl, el = struct.unpack('<HH', data[off + 26:off + 30])
    data[off + 30 + nl + el + size // 2] ^= 0x10
    open(p, 'wb').write(data)


def config(name, a, b):
    assert a in CFG, a
    return write(name, {'config.json': CFG.replace(a, b).encode()})


def zeros(n, prefix=b''):
    def fill(w):
        w.write(prefix)
        chunk, left = bytes(1 << 24), n - len(prefix)
        while left > 0:
            w.write(chunk[:min(left, len(chunk))])
            left -= len(chunk)
    return fill


config('hidden-16384x12.lexb', '[ 512, 256 ]', '[' + ', '.join(['16384'] * 12) + ']')
config('hidden-8192x12.lexb', '[ 512, 256 ]', '[' + ', '.join(['8192'] * 12) + ']')
config('input-4096x4096.lexb', '"height" : 28,\n    "width" : 28', '"height" : 4096,\n    "width" : 4096')
config('input-256x256x3-dense.lexb', '"channels" : 1,\n    "height" : 28,\n    "width" : 28',
       '"channels" : 3,\n    "height" : 256,\n    "width" : 256')
config('config-hidden-mismatch.lexb', '[ 512, 256 ]', '[ 512, 128 ]')
config('config-latent-mismatch.lexb', '"latentDim" : 2', '"latentDim" : 3')
flip(write('flipped-bit-stored-weights.lexb', stored=('weights.bin',)), 'weights.bin', False)
flip(write('flipped-bit-deflated-weights.lexb'), 'weights.bin', True)
flip(write('flipped-bit-stored-history.lexb', stored=('history.json',)), 'history.json', False)
# weights.bin that starts well (one 8192 x 8192 array, within the limits) and goes on in zeros
head = struct.pack('>ii', 0x4C455857, 1) + struct.pack('>H', 6) + b'enc0_W' + struct.pack('>iqq', 2, 8192, 8192)
write('weights-bomb-500MB.lexb', big=('weights.bin', zeros(500 << 20, head)))
p = write('weights-bomb-6GB.lexb', big=('weights.bin', zeros(6 << 30, head)))
shutil.copy(p, os.path.join(OUT, 'weights-bomb-6GB-lying.lexb'))
lie(os.path.join(OUT, 'weights-bomb-6GB-lying.lexb'), 'weights.bin', 4275692)
p = write('graph-bomb-4GB.lexb', big=('graph.sdz', zeros(4 << 30)))
shutil.copy(p, os.path.join(OUT, 'graph-bomb-4GB-lying.lexb'))
lie(os.path.join(OUT, 'graph-bomb-4GB-lying.lexb'), 'graph.sdz', 4303192)
lie(write('graph-only-bomb-4GB-lying.lexb', drop=('weights.bin',), big=('graph.sdz', zeros(4 << 30))),
    'graph.sdz', 4303192)
with zipfile.ZipFile(os.path.join(OUT, 'many-entries.lexb'), 'w') as z:
    for i in range(100000):
        z.writestr('e%d' % i, b'')
