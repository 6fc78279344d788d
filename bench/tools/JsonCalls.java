import com.sun.source.tree.*;
import com.sun.source.util.*;
import javax.lang.model.type.*;
import javax.tools.*;
import java.nio.file.*;
import java.util.*;

/** Counts get/put calls of the pattern in each file, by the receiver's static type. */
public class JsonCalls {
  static final Set<String> NAMES = Set.of("getString","getInteger","getLong","getBoolean","getJsonObject","getJsonArray","getValue","getDouble","put");
  public static void main(String[] args) throws Exception {
    String cp = args[0];
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) files.add(Path.of(args[i]));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null);
    JavacTask task = (JavacTask) javac.getTask(null, fm, d -> {}, List.of("-cp", cp, "-proc:none", "-d", java.nio.file.Files.createTempDirectory("jsoncalls").toString()), null, fm.getJavaFileObjectsFromPaths(files));
    Iterable<? extends CompilationUnitTree> units = task.parse();
    task.analyze();
    Trees trees = Trees.instance(task);
    Map<String, int[]> per = new TreeMap<>();
    for (CompilationUnitTree unit : units) {
      String name = unit.getSourceFile().getName().replaceAll(".*/java/", "");
      int[] c = per.computeIfAbsent(name, k -> new int[3]);
      new TreePathScanner<Void, Void>() {
        @Override public Void visitMethodInvocation(MethodInvocationTree t, Void v) {
          if (t.getMethodSelect() instanceof MemberSelectTree sel && NAMES.contains(sel.getIdentifier().toString())) {
            TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), sel.getExpression()));
            String ts = type == null ? "?" : type.toString();
            if (ts.startsWith("io.vertx.core.json.")) c[0]++;
            else if (ts.startsWith("io.vertx.sqlclient.Row") || ts.startsWith("io.vertx.sqlclient.Tuple")) c[1]++;
            else { c[2]++; if (System.getenv("SHOW") != null) System.err.println(name + " other: " + ts + "." + sel.getIdentifier()); }
          }
          return super.visitMethodInvocation(t, v);
        }
      }.scan(unit, null);
    }
    int[] total = new int[3];
    System.out.printf("%-45s %5s %5s %5s %5s%n", "file", "json", "row", "other", "all");
    per.forEach((f, c) -> { if (c[0] + c[1] + c[2] > 0) System.out.printf("%-45s %5d %5d %5d %5d%n", f, c[0], c[1], c[2], c[0]+c[1]+c[2]); for (int i=0;i<3;i++) total[i]+=c[i]; });
    System.out.printf("%-45s %5d %5d %5d %5d%n", "TOTAL", total[0], total[1], total[2], total[0]+total[1]+total[2]);
  }
}
