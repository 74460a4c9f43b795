#!/usr/bin/env python3
"""Makes faulty copies of a partner's p2 repository for the feature-management end-to-end test.

    repo_fixtures.py SOURCE_REPO TARGET_REPO conflict|missing-import|bad-manifest
    repo_fixtures.py - TARGET_REPO metadata-only FOLDER

conflict        the partner feature also requires io.convergence.runtime 9.9.9, a singleton the
                product already holds at another version: the planner must report a conflict.
missing-import  the bundle's manifest imports a package nothing provides (p2's metadata does not
                say so, as a hand-made or stale repository would not): the install must fail.
bad-manifest    the bundle's manifest has a malformed header: the install must fail.
metadata-only   a repository of one feature without any artifact whose only content is a touchpoint
                instruction, 'configure: mkdir FOLDER': under the default policy it must be refused
                and FOLDER never made (instructions are content to trust).
Checksums and sizes in artifacts.xml are recomputed, so p2 downloads the jar without complaint.
"""
import hashlib, io, os, re, shutil, sys, zipfile


def unpack_index(repo, name):
    """Turns NAME.jar / NAME.xml.xz into a plain NAME.xml, which p2 reads too."""
    xml = os.path.join(repo, name + ".xml")
    jar = os.path.join(repo, name + ".jar")
    xz = os.path.join(repo, name + ".xml.xz")
    if not os.path.exists(xml):
        if os.path.exists(jar):
            with zipfile.ZipFile(jar) as z:
                open(xml, "wb").write(z.read(name + ".xml"))
        else:
            import lzma
            open(xml, "wb").write(lzma.open(xz).read())
    for f in (jar, xz, os.path.join(repo, "p2.index")):
        if os.path.exists(f):
            os.remove(f)
    return xml


def rewrite_manifest(jar, change):
    buf = io.BytesIO()
    with zipfile.ZipFile(jar) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "META-INF/MANIFEST.MF":
                data = change(data.decode("utf-8")).encode("utf-8")
            if item.filename.startswith("META-INF/") and item.filename.endswith((".SF", ".RSA", ".EC", ".DSA")):
                continue
            dst.writestr(item, data)
    open(jar, "wb").write(buf.getvalue())


def fix_checksums(artifacts_xml, jar, classifier_id):
    data = open(jar, "rb").read()
    size = str(len(data))
    sums = {"md5": hashlib.md5(data).hexdigest(), "sha-256": hashlib.sha256(data).hexdigest(),
            "sha-512": hashlib.sha512(data).hexdigest()}
    text = open(artifacts_xml, encoding="utf-8").read()
    start = text.index("id='%s'" % classifier_id)
    end = text.index("</artifact>", start)
    block = text[start:end]
    block = re.sub(r"(name='(?:download|artifact)\.size' value=')\d+", r"\g<1>" + size, block)
    block = re.sub(r"(name='download\.md5' value=')[0-9a-f]+", r"\g<1>" + sums["md5"], block)
    block = re.sub(r"(name='download\.checksum\.md5' value=')[0-9a-f]+", r"\g<1>" + sums["md5"], block)
    for algo in ("sha-256", "sha-512"):
        block = re.sub(r"(name='download\.checksum\.%s' value=')[0-9a-f]+" % algo, r"\g<1>" + sums[algo], block)
    block = re.sub(r"\s*<property name='pgp\.[^']*' value='[^']*'/>", "", block)
    open(artifacts_xml, "w", encoding="utf-8").write(text[:start] + block + text[end:])


def metadata_only(dst, folder):
    os.makedirs(dst, exist_ok=True)
    feature = "com.example.metadata.only.feature.group"
    unit = ("<unit id='%s' version='1.0.0' singleton='false'>"
            "<properties size='2'><property name='org.eclipse.equinox.p2.name' value='Metadata only'/>"
            "<property name='org.eclipse.equinox.p2.type.group' value='true'/></properties>"
            "<provides size='1'><provided namespace='org.eclipse.equinox.p2.iu' name='%s' version='1.0.0'/></provides>"
            "<touchpoint id='org.eclipse.equinox.p2.native' version='1.0.0'/>"
            "<touchpointData size='1'><instructions size='1'>"
            "<instruction key='configure'>mkdir(path:%s);</instruction>"
            "</instructions></touchpointData></unit>") % (feature, feature, folder)
    open(os.path.join(dst, "content.xml"), "w", encoding="utf-8").write(
        "<?xml version='1.0' encoding='UTF-8'?>\n<?metadataRepository version='1.2.0'?>\n"
        "<repository name='metadata only' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository'"
        " version='1'><properties size='1'><property name='p2.timestamp' value='1'/></properties>"
        "<units size='1'>%s</units></repository>\n" % unit)
    open(os.path.join(dst, "artifacts.xml"), "w", encoding="utf-8").write(
        "<?xml version='1.0' encoding='UTF-8'?>\n<?artifactRepository version='1.1.0'?>\n"
        "<repository name='metadata only' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>"
        "<properties size='1'><property name='p2.timestamp' value='1'/></properties>"
        "<artifacts size='0'></artifacts></repository>\n")


def main(src, dst, kind, extra=None):
    if kind == "metadata-only":
        shutil.rmtree(dst, ignore_errors=True)
        metadata_only(dst, extra)
        return
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    content = unpack_index(dst, "content")
    artifacts = unpack_index(dst, "artifacts")
    bundle = "com.example.partner.connector"
    jar = next(os.path.join(dst, "plugins", f) for f in os.listdir(os.path.join(dst, "plugins")) if f.startswith(bundle + "_"))
    if kind == "conflict":
        text = open(content, encoding="utf-8").read()
        clash = ("<unit id='io.convergence.runtime' version='9.9.9' singleton='true'>"
                 "<provides size='2'><provided namespace='org.eclipse.equinox.p2.iu' name='io.convergence.runtime' version='9.9.9'/>"
                 "<provided namespace='osgi.bundle' name='io.convergence.runtime' version='9.9.9'/></provides>"
                 "<touchpoint id='null' version='0.0.0'/></unit>")
        text = re.sub(r"<units size='(\d+)'>", lambda m: "<units size='%d'>%s" % (int(m.group(1)) + 1, clash), text, count=1)
        start = text.index("id='%s.feature.feature.group'" % bundle)
        req = text.index("<requires size='", start)
        n = int(re.match(r"<requires size='(\d+)'>", text[req:]).group(1))
        head = "<requires size='%d'>" % n
        text = (text[:req] + "<requires size='%d'>" % (n + 1)
                + "<required namespace='org.eclipse.equinox.p2.iu' name='io.convergence.runtime' range='[9.9.9,9.9.9]'/>"
                + text[req + len(head):])
        open(content, "w", encoding="utf-8").write(text)
        return
    if kind == "missing-import":
        rewrite_manifest(jar, lambda m: m.replace("Import-Package: ", "Import-Package: com.example.absent;version=\"[1.0,2)\",\n ", 1))
    elif kind == "bad-manifest":
        rewrite_manifest(jar, lambda m: m.replace("Import-Package: ", "Import-Package: ;;=broken,\n ", 1))
    else:
        sys.exit("unknown fixture " + kind)
    version = os.path.basename(jar)[len(bundle) + 1:-4]
    fix_checksums(artifacts, jar, bundle + "' version='" + version)


if __name__ == "__main__":
    main(*sys.argv[1:5])
