package a;

/** Stock kept for orders, in the package a: another file, whose old review file name was the same. */
public class b_C {

    private int reserved;

    public void reserve(int units) {
        reserved += units;
    }

    public void release(int units) {
        reserved -= units;
    }

    public int reserved() {
        return reserved;
    }
}
