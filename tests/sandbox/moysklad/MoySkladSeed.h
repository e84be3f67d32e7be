// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Sandbox::MoySklad {

class MoySkladStore;

/**
 * Seed profiles of the MoySklad sandbox. "empty": the account's own organization, store and point of
 * sale only. "demo": a camera shop — product groups and products with prices in kopecks, a bonus
 * program, private buyers (companyType individual) and two companies, retail sales over the last days
 * with their bonus earnings, and customer orders;
 * then MoySkladSandboxOptions::demoSales more sales over the last two days.
 */
class MoySkladSeed
{
public:
    static void fill(MoySkladStore &store, const QString &profile);
    /** A cashier rings up a retail sale (the @p n-th of the generated ones, deterministic): one or two
     *  products to a private buyer, every fifth time one who is new to the shop. The sale's id; empty
     *  when the account has no products. */
    static QString ringUpSale(MoySkladStore &store, int n, double hoursAgo = 0);
};

} // namespace Sandbox::MoySklad
