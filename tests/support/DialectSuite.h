// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestDatabase.h"

#include <QObject>
#include <memory>

namespace TestSupport {

/**
 * The base of a suite that runs every test function on SQLite and on PostgreSQL: a global "dialect"
 * column, the throwaway PostgreSQL server checked once, and a fresh migrated store per test function
 * in m_test. Suites needing more per-test set-up override initStore()/cleanupStore().
 */
class DialectSuite : public QObject
{
    Q_OBJECT
protected:
    /** After m_test holds the fresh store of this test function. */
    virtual void initStore() { }
    /** Before the store goes away. */
    virtual void cleanupStore() { }

    std::unique_ptr<TestDatabase> m_test;

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();
};

} // namespace TestSupport
