extension Array where Element: Sendable {
    /// `transform` of every element, computed in a task group with at most `width` running at a
    /// time; the results are in the order of the elements, whatever order they finish in.
    func concurrentMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        guard count > 1, width > 1 else { return map(transform) }
        return await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            while next < Swift.min(width, count) {
                let (i, element) = (next, self[next])
                group.addTask { (i, transform(element)) }
                next += 1
            }
            while let (i, result) = await group.next() {
                results[i] = result
                if next < count {
                    let (j, element) = (next, self[next])
                    group.addTask { (j, transform(element)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
