// SPDX-License-Identifier: GPL-3.0-or-later
// The id watermark rules: rows not ready wait, late ids are picked up, gaps expire, JSON round-trips.
#include "source/IdWatermark.h"

#include <QTest>

using Source::IdWatermark;

class TestIdWatermark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readyRowsAreEmittedInOrder()
    {
        IdWatermark mark;
        const auto step = mark.advance({ { 1, true }, { 2, true }, { 3, true } }, 1000, {});
        QCOMPARE(step.toEmit, QList<qint64>({ 1, 2, 3 }));
        QCOMPARE(mark.after, 3);
        QVERIFY(mark.tracked().isEmpty());
    }

    void rowsNotReadyWaitThenGoOverdue()
    {
        IdWatermark::Limits limits;
        limits.waitLimitMs = 5000;
        IdWatermark mark;
        auto step = mark.advance({ { 1, false }, { 2, true } }, 0, limits);
        QCOMPARE(step.toEmit, QList<qint64>({ 2 }));
        QCOMPARE(mark.after, 2); // the high mark moves on, the waiting row is tracked
        QCOMPARE(mark.tracked(), QList<qint64>({ 1 }));
        step = mark.advance({ { 1, false } }, 4999, limits);
        QVERIFY(step.toEmit.isEmpty());
        step = mark.advance({ { 1, false } }, 5000, limits);
        QCOMPARE(step.toEmit, QList<qint64>({ 1 }));
        QCOMPARE(step.overdue, QList<qint64>({ 1 }));
        QVERIFY(mark.tracked().isEmpty());
    }

    void aWaitingRowThatBecomesReadyIsEmittedOnce()
    {
        IdWatermark mark;
        mark.advance({ { 5, false } }, 0, {});
        auto step = mark.advance({ { 5, true }, { 6, true } }, 10, {});
        QCOMPARE(step.toEmit, QList<qint64>({ 5, 6 }));
        step = mark.advance({}, 20, {});
        QVERIFY(step.toEmit.isEmpty());
    }

    void deletedWaitingRowsAreDropped()
    {
        IdWatermark mark;
        mark.advance({ { 5, false } }, 0, {});
        mark.advance({}, 10, {}); // row 5 was asked for and is gone
        QVERIFY(mark.waiting.isEmpty());
    }

    void gapsAreWatchedThenForgotten()
    {
        IdWatermark::Limits limits;
        limits.gapLimitMs = 1000;
        IdWatermark mark;
        mark.advance({ { 1, true }, { 4, true } }, 0, limits);
        QCOMPARE(mark.tracked(), QList<qint64>({ 2, 3 }));
        auto step = mark.advance({ { 3, true } }, 500, limits); // 3 committed late
        QCOMPARE(step.toEmit, QList<qint64>({ 3 }));
        step = mark.advance({}, 1000, limits);
        QCOMPARE(step.droppedGaps, QList<qint64>({ 2 }));
        QVERIFY(mark.tracked().isEmpty());
    }

    void hugeJumpsAreNotTrackedIdById()
    {
        IdWatermark::Limits limits;
        limits.maxTrackedGap = 100;
        IdWatermark mark;
        mark.advance({ { 1, true }, { 100000, true } }, 0, limits);
        QVERIFY(mark.gaps.isEmpty());
        QCOMPARE(mark.after, 100000);
    }

    void jsonRoundTripsAndAcceptsAPlainNumber()
    {
        IdWatermark mark;
        mark.advance({ { 1, true }, { 3, false }, { 5, true } }, 1700000000000, {});
        const IdWatermark back = IdWatermark::fromJson(mark.toJson());
        QCOMPARE(back, mark);
        QCOMPARE(IdWatermark::fromJson(QStringLiteral("42")).after, 42);
        QCOMPARE(IdWatermark::fromJson(QString()).after, 0);
    }
};

QTEST_GUILESS_MAIN(TestIdWatermark)
#include "tst_IdWatermark.moc"
