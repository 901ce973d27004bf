# cython: language_level=3
"""Compiled maker of slotted, frozen dataclass instances (``record_maker.py``): the
fields set in place, without the generated ``__init__``'s ``object.__setattr__`` per
field (a ``Recipient`` of six fields takes ~0.8 µs that way, ~0.1 µs this way).

``RecordMaker(cls)(*values)`` equals ``cls(*values)`` for a class the maker accepts
(``record_maker.record_maker`` checks that: a dataclass with ``slots=True``, every field
an ``__init__`` argument, no ``__post_init__``); ``tests/loaders/test_record_maker.py``
compares the two on every record class.
"""

from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF


cdef extern from "Python.h":
    """
    #include "structmember.h"
    static Py_ssize_t member_offset(PyObject *descr) {
        return ((PyMemberDescrObject *)descr)->d_member->offset;
    }
    static int is_member_descriptor(PyObject *descr) {
        return Py_IS_TYPE(descr, &PyMemberDescr_Type);
    }
    #define record_alloc(kind) PyType_GenericAlloc((PyTypeObject*)(kind), 0)
    """
    Py_ssize_t member_offset(object descr)
    bint is_member_descriptor(object descr)
    object record_alloc(object kind)


cdef enum:
    MAX_FIELDS = 64  # the most fields a made class may have


cdef class RecordMaker:
    """Makes instances of ``cls`` from positional values of all its fields, in order."""

    cdef readonly type cls
    cdef Py_ssize_t count
    cdef Py_ssize_t offsets[MAX_FIELDS]

    def __init__(self, type cls, tuple names):
        """``names``: the fields of ``cls`` in ``__init__`` order, each a slot."""
        cdef Py_ssize_t i
        if len(names) > MAX_FIELDS:
            raise ValueError(f"{cls.__name__} has {len(names)} fields, at most {MAX_FIELDS}")
        for i, name in enumerate(names):
            descr = getattr(cls, name, None)  # a slot's member descriptor, on cls or a base
            if descr is None or not is_member_descriptor(descr):
                raise ValueError(f"{cls.__name__}.{name} is not a slot")
            self.offsets[i] = member_offset(descr)
        self.cls = cls
        self.count = len(names)

    def __call__(self, *values):
        cdef Py_ssize_t i
        cdef object value
        if len(values) != self.count:
            raise TypeError(
                f"{self.cls.__name__} takes {self.count} values, {len(values)} given"
            )
        made = record_alloc(self.cls)
        for i in range(self.count):
            value = values[i]
            Py_INCREF(value)
            (<PyObject**>(<char*><PyObject*>made + self.offsets[i]))[0] = <PyObject*>value
        return made

    def __repr__(self):
        return f"RecordMaker({self.cls.__name__})"
