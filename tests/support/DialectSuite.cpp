// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"

#include "PgServer.h"

#include <QTest>

namespace TestSupport {

void DialectSuite::initTestCase_data()
{
    TestDatabase::addDialectRows();
}

void DialectSuite::initTestCase()
{
    QVERIFY2(PgServer::instance().ok(), qPrintable(PgServer::instance().error()));
}

void DialectSuite::init()
{
    QFETCH_GLOBAL(QString, dialect);
    auto test = TestDatabase::create(dialect);
    QVERIFY2(test.ok(), qPrintable(test.ok() ? QString() : test.error().message));
    m_test = std::move(test).value();
    initStore();
}

void DialectSuite::cleanup()
{
    cleanupStore();
    m_test.reset();
}

} // namespace TestSupport
