/** The start-up floor: the smallest Java program, run with its own AOT cache / AppCDS archive (bench/startup.sh). */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
