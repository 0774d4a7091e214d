"""The treatment index and its intervals, checked against values worked out by hand."""

import math

import pytest

from portal.services.statistics.index import MIN_ANSWERS, add, difference, index_of, t975


def test_t_quantiles():
    assert t975(1) == 12.706 and t975(14) == 2.145 and t975(30) == 2.042
    assert t975(35) == pytest.approx(2.030, abs=0.002)  # table value 2.030
    assert t975(1000) == pytest.approx(1.962, abs=0.001)
    assert t975(12.5) == pytest.approx((2.179 + 2.160) / 2, abs=0.002)


def test_the_index_of_fifteen_answers_by_hand():
    # answers: two 1s, one 2, three 3s, four 4s, five 5s
    index = index_of([2, 1, 3, 4, 5])
    # mean = (2 + 2 + 9 + 16 + 25) / 15 = 3.6 -> (3.6 - 1) * 25 = 65
    assert index.n == 15 and index.value == pytest.approx(65.0)
    # variance = (2*2.6² + 1*1.6² + 3*0.6² + 4*0.4² + 5*1.4²) / 14 = 27.6 / 14
    assert index.variance == pytest.approx(27.6 / 14)
    margin = 2.145 * math.sqrt(27.6 / 14 / 15) * 25  # t(14) × standard error, in index points
    assert index.low == pytest.approx(65.0 - margin) and index.high == pytest.approx(65.0 + margin)
    assert round(index.low, 1) == 45.6 and round(index.high, 1) == 84.4


def test_below_ten_answers_there_is_no_number():
    assert MIN_ANSWERS == 10
    few = index_of([0, 0, 9, 0, 0])
    assert few.n == 9 and few.value is None and not few.enough
    enough = index_of([0, 0, 10, 0, 0])
    assert enough.value == 50.0 and enough.low == 50.0 and enough.high == 50.0  # no spread at all


def test_the_interval_stays_on_the_scale():
    extreme = index_of([0, 0, 0, 1, 11])
    assert extreme.high == 100.0 and extreme.value < 100.0


def test_a_difference_with_welch_interval_by_hand():
    first, second = index_of([0, 2, 4, 4, 0]), index_of([3, 4, 3, 0, 0])
    # first: mean 3.2 -> 55; variance (2*1.44 + 4*0.04 + 4*0.64)/9 = 5.6/9
    # second: mean 2.0 -> 25; variance (3*1 + 0 + 3*1)/9 = 6/9
    d = difference(first, second)
    assert d.value == pytest.approx(30.0)
    v1, v2 = 5.6 / 9 / 10, 6 / 9 / 10
    df = (v1 + v2) ** 2 / (v1 ** 2 / 9 + v2 ** 2 / 9)
    margin = t975(df) * math.sqrt(v1 + v2) * 25
    assert d.low == pytest.approx(30 - margin) and d.high == pytest.approx(30 + margin)
    assert d.clear  # the interval leaves out zero
    assert not difference(first, index_of([1, 1, 1, 1, 1])).enough


def test_adding_groups():
    assert add([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]) == [6, 6, 6, 6, 6]
    with pytest.raises(ValueError):
        index_of([1, 2, 3])
