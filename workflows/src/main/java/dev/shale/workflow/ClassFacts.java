package dev.shale.workflow;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the incremental compile needs to know about one class file, read from its constant pool the way
 * Gradle's incremental Java compile does: which classes it names (so it is recompiled when one of them
 * changes), its supertypes (whose members it passes on to its own users), and whether it declares
 * compile-time constants, which javac copies into the classes that use them: used in an annotation value,
 * a constant leaves no trace of its owner in their constant pools.
 *
 * @param name the binary name ({@code com.x.Outer$Inner})
 * @param supertypes the binary names of the superclass and the interfaces
 * @param references the binary names of every class the constant pool names (an over-approximation)
 * @param declaresConstants whether a non-private field has a {@code ConstantValue} attribute
 */
record ClassFacts(String name, List<String> supertypes, Set<String> references, boolean declaresConstants) {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>\\[(]+)[;<]");
    private static final int ACC_PRIVATE = 0x0002;

    ClassFacts {
        supertypes = List.copyOf(supertypes);
        references = Set.copyOf(references);
    }

    /** Reads a class file; a malformed one is an {@link IllegalArgumentException}. */
    static ClassFacts read(byte[] bytes) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file: " + e, e);
        }
    }

    private static ClassFacts parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        Set<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                addClassOrDescriptor(utf8[classNameIndex[i]], references);
            } else if (utf8[i] != null && utf8[i].indexOf('L') >= 0 && utf8[i].indexOf(';') > 0) {
                addDescriptorClasses(utf8[i], references); // field and method descriptors, signatures
            }
        }
        in.readUnsignedShort(); // access flags
        String name = className(utf8, classNameIndex, in.readUnsignedShort());
        List<String> supertypes = new ArrayList<>();
        int superIndex = in.readUnsignedShort();
        if (superIndex != 0) {
            supertypes.add(className(utf8, classNameIndex, superIndex));
        }
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            supertypes.add(className(utf8, classNameIndex, in.readUnsignedShort()));
        }
        boolean constants = false;
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            int access = in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                in.skipNBytes(length);
                if ("ConstantValue".equals(attribute) && (access & ACC_PRIVATE) == 0) {
                    constants = true;
                }
            }
        }
        references.remove(name);
        return new ClassFacts(name, supertypes, references, constants);
    }

    private static String className(String[] utf8, int[] classNameIndex, int index) throws IOException {
        if (index <= 0 || index >= classNameIndex.length || classNameIndex[index] == 0 || utf8[classNameIndex[index]] == null) {
            throw new IOException("constant " + index + " is not a class");
        }
        return utf8[classNameIndex[index]].replace('/', '.');
    }

    private static void addClassOrDescriptor(String internal, Set<String> out) {
        if (internal == null) {
            return;
        }
        if (internal.startsWith("[")) {
            addDescriptorClasses(internal, out);
        } else {
            out.add(internal.replace('/', '.'));
        }
    }

    private static void addDescriptorClasses(String descriptor, Set<String> out) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
    }
}
