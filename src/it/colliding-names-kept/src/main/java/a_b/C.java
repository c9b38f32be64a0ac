package a_b;

/** Stock kept for orders, in the package a_b. */
public class C {

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
